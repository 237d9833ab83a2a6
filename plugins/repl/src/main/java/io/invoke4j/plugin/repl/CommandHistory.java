package io.invoke4j.plugin.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The numbered commands that {@code !history}, {@code !search} and {@code !NNN} read, kept where InvokeAI keeps
 * them: {@code .invoke_history} in the start-up output folder, one command per line with no timestamps, as GNU
 * readline writes it, so InvokeAI and invoke4j share one history. The last {@value #LIMIT} are kept.
 *
 * <p>InvokeAI writes the file once, at exit; here each command is appended as it is recorded, so a session that
 * crashes or is killed keeps what was typed. Once the file holds {@value #LIMIT} lines it is rewritten whole
 * (through a temporary file, so a crash leaves the old or the new one) with the last {@value #LIMIT}.
 */
final class CommandHistory {
    static final String FILE_NAME = ".invoke_history";
    static final int LIMIT = 1000;

    /**
     * One command and its number ({@code [14] ...}).
     *
     * @param number  1 for the oldest command kept
     * @param command the command as typed
     */
    record Entry(int number, String command) {
    }

    private final Path file;
    private final Consumer<String> warnings;
    private final List<String> commands = new ArrayList<>();
    private int linesInFile;
    /** Off after a failed read (a rewrite would lose what could not be read) or a failed write (warned once). */
    private boolean persistent = true;

    private CommandHistory(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /**
     * The history of an output folder, read from its file when there is one.
     *
     * @param warnings gets one line when the file cannot be read or written; the history then lives in memory
     */
    static CommandHistory load(Path outputDirectory, Consumer<String> warnings) {
        CommandHistory history = new CommandHistory(outputDirectory.resolve(FILE_NAME), warnings);
        history.read();
        return history;
    }

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            // malformed bytes become U+FFFD rather than stopping the REPL
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            persistent = false;
            warnings.accept("** Could not read the command history " + file + " (" + reason(e)
                    + "); this session's history is kept in memory only");
            return;
        }
        linesInFile = lines.size();
        lines.stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(commands::add);
        dropBeyondLimit();
    }

    /** The number of commands kept. */
    int size() {
        return commands.size();
    }

    /** Every command, oldest first, numbered from 1. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            entries.add(new Entry(i + 1, commands.get(i)));
        }
        return entries;
    }

    /** The commands that contain {@code text} (case-sensitive, as InvokeAI's {@code !search}), with their numbers. */
    List<Entry> containing(String text) {
        return entries().stream().filter(entry -> entry.command().contains(text)).toList();
    }

    /** Command number {@code number} (from 1), if there is one. */
    Optional<String> get(int number) {
        return number >= 1 && number <= commands.size() ? Optional.of(commands.get(number - 1)) : Optional.empty();
    }

    /** Records a command and writes it to the file at once. */
    void add(String command) {
        commands.add(command);
        dropBeyondLimit();
        if (!persistent) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (linesInFile + 1 > LIMIT) {
                rewrite();
            } else {
                Files.writeString(file, command + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                linesInFile++;
            }
        } catch (IOException e) {
            persistent = false;
            warnings.accept("** Could not write the command history " + file + " (" + reason(e)
                    + "); this session's history is kept in memory only");
        }
    }

    /** Forgets every command, in memory and in the file ({@code !clear}). */
    void clear() {
        commands.clear();
        if (!persistent || !Files.exists(file)) {
            return;
        }
        try {
            Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            linesInFile = 0;
        } catch (IOException e) {
            persistent = false;
            warnings.accept("** Could not clear the command history " + file + " (" + reason(e) + ")");
        }
    }

    private void dropBeyondLimit() {
        if (commands.size() > LIMIT) {
            commands.subList(0, commands.size() - LIMIT).clear();
        }
    }

    private void rewrite() throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        try {
            Files.write(temporary, commands, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            linesInFile = commands.size();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName();
    }
}
