package io.invoke4j.plugin.repl;

import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the {@code invoke>} loop over a source of lines: skips blank lines and comments, leaves on a quit
 * word or at the end of input, records each command in the history, and hands it to the {@code !} commands or to
 * the Invoker. With {@code --from_file} every line is echoed as {@code #line} first, and a failed line is reported
 * with its number and does not stop the run.
 *
 * <p>{@code !NNN} shows command NNN as if it had been typed (on an {@code invoke>} line at a terminal) and runs
 * it, as the manual's example reads and issue 6 asks; InvokeAI's code instead pre-loaded it into the next line
 * without running it. The history then records the command that ran, not {@code !NNN}, so that Up recalls it and
 * the numbers in later {@code !NNN} keep meaning commands.
 *
 * <p>{@code !replay FILE} runs the file's lines as {@code --from_file} does (echoed, errors named by line,
 * recorded in the history), then comes back to the lines it was typed among. Where it differs from InvokeAI 2.2:
 * <ul>
 *   <li>{@code q}, {@code quit} or {@code exit} in the file ends the replay, not the program: the file was
 *       started from a session that goes on at its end, so it goes on after a quit word too.</li>
 *   <li>Ctrl-C during one of its generations cancels that job, as at the prompt, and also stops the rest of the
 *       file: InvokeAI went on with the next line, which left no way to stop a long batch but quitting.</li>
 *   <li>A relative FILE that is not there as typed is looked for in the output folder, where
 *       {@code !fetch GLOB OUTFILE} writes its file.</li>
 *   <li>It works inside {@code --from_file} and inside another replay, where InvokeAI ignored it; a file that
 *       is being replayed (or is the {@code --from_file} file) is refused, so that no file replays itself
 *       forever.</li>
 *   <li>A missing file is one line, where InvokeAI said nothing.</li>
 * </ul>
 */
final class ReplSession {
    static final String PROMPT = "invoke> ";
    static final String REPLAY = "!replay";
    private static final Set<String> QUIT_WORDS = Set.of("q", "quit", "exit");
    private static final Set<String> UNRECORDED = Set.of("!history", "!search");
    private static final Pattern HISTORY_NUMBER = Pattern.compile("!(\\d+)");

    /** How a run over lines ended. */
    private enum End { INPUT_ENDED, QUIT, INTERRUPTED }

    private final Invoker invoker;
    private final LineSource source;
    private final CommandHistory history;
    private final PrintStream out;
    private final boolean fromFile;
    private final ErrorReport errors;
    private final MetaCommands metaCommands;
    private final GenerateCommand generate;
    /** The files whose lines are running now, as {@link #identity} gives them: a replay of one is refused. */
    private final Set<Path> running = new HashSet<>();

    /** @param progress where the generation progress goes (standard error) */
    ReplSession(Invoker invoker, LineSource source, CommandHistory history, PrintStream out, PrintStream progress) {
        this.invoker = invoker;
        this.source = source;
        this.history = history;
        this.out = out;
        this.fromFile = invoker.commandFile().isPresent();
        this.errors = new ErrorReport(out);
        this.metaCommands = new MetaCommands(invoker, history, source, out, errors);
        this.generate = new GenerateCommand(invoker, source, out, progress, errors, history.size() + 1);
    }

    /**
     * Runs until a quit word or the end of input.
     *
     * @return the exit status: 1 when commands came from a file and any of them failed, else 0
     */
    int run() {
        invoker.commandFile().filter(file -> !"-".equals(file)).ifPresent(file -> running.add(identity(file)));
        runLines(source, fromFile, false);
        return fromFile && errors.anyFailed() ? 1 : 0;
    }

    /**
     * Runs the commands of {@code lines} until a quit word or the end of input.
     *
     * @param numbered        whether the lines come from a file: each is echoed as {@code #line} and the error
     *                        lines name its number
     * @param stopOnInterrupt whether a Ctrl-C during a job also ends the run (a replay's)
     */
    private End runLines(LineSource lines, boolean numbered, boolean stopOnInterrupt) {
        int lineNumber = 0;
        for (String raw; (raw = nextLine(lines, numbered)) != null; ) {
            lineNumber++;
            errors.atLine(numbered ? lineNumber : 0);
            String line = raw.strip();
            if (numbered && !line.isEmpty()) {
                out.println("#" + line);
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            if (QUIT_WORDS.contains(line)) {
                return End.QUIT;
            }
            boolean interrupted = execute(line, numbered);
            if (numbered) {
                // the answers to a command's questions (!import_model) were lines of the file too
                lineNumber = errors.line();
            }
            if (interrupted && stopOnInterrupt) {
                return End.INTERRUPTED;
            }
        }
        return End.INPUT_ENDED;
    }

    private String nextLine(LineSource lines, boolean numbered) {
        if (!lines.interactive() && !numbered) {
            // piped input: show the prompt so a transcript reads like a session
            out.print(PROMPT);
            out.flush();
        }
        return lines.readLine();
    }

    /** @return whether the user pressed Ctrl-C while it ran */
    private boolean execute(String typed, boolean numbered) {
        String line = typed;
        Matcher number = HISTORY_NUMBER.matcher(line);
        if (number.matches()) {
            Optional<String> recalled = recall(number.group(1));
            if (recalled.isEmpty()) {
                return false;
            }
            line = recalled.get();
            show(line, numbered);
        }
        // InvokeAI 2.2 records every line before running it, bad ones too (they are the ones worth recalling
        // to fix); not the commands that list the history, which would otherwise find themselves in it
        String word = MetaCommands.firstWord(line);
        if (!UNRECORDED.contains(word)) {
            history.add(line);
            source.remember(line);
        }
        if (word.equals(REPLAY)) {
            return replay(line.substring(word.length()).strip());
        }
        if (MetaCommands.handles(line)) {
            metaCommands.run(line);
            return false;
        }
        return generate.run(line);
    }

    private Optional<String> recall(String digits) {
        String reference = "!" + digits;
        Optional<String> command = digits.length() > 9 ? Optional.empty() : history.get(Integer.parseInt(digits));
        if (command.isEmpty()) {
            errors.error(reference + ": no such command in the history"
                    + (history.size() == 0 ? " (it is empty)" : " (1 to " + history.size() + ")"));
            return Optional.empty();
        }
        if (HISTORY_NUMBER.matcher(command.get()).matches()) {
            // InvokeAI 2.2 recorded !NNN lines themselves; following them could go round in circles
            errors.error(reference + ": command " + digits + " is itself a history reference ("
                    + command.get() + ")");
            return Optional.empty();
        }
        return command;
    }

    /** Shows a recalled command where a typed one would be. */
    private void show(String command, boolean numbered) {
        if (numbered) {
            out.println("#" + command);
        } else if (source.interactive()) {
            out.println(PROMPT + command);
        } else {
            out.println(command); // after the prompt already printed for the piped line
        }
    }

    /**
     * {@code !replay FILE}: the file's commands, as {@code --from_file} runs them.
     *
     * @return whether Ctrl-C stopped it
     */
    private boolean replay(String file) {
        if (file.isEmpty()) {
            errors.error(REPLAY + " needs a file of commands");
            return false;
        }
        Path path;
        try {
            path = FileInOutputFolder.locate(file, invoker.outputDirectory());
        } catch (InvalidPathException e) {
            errors.error(REPLAY + " " + file + ": not a file name (" + e.getReason() + ")");
            return false;
        }
        if (Files.isDirectory(path)) {
            errors.error(REPLAY + " " + file + ": is a folder, not a file of commands");
            return false;
        }
        Path identity = identity(path.toString());
        if (!running.add(identity)) {
            errors.error(REPLAY + " " + file + ": that file is running already; replaying it again would never end");
            return false;
        }
        int replayLine = errors.line();
        try (LineSource lines = new StreamLineSource(Files.newInputStream(path))) {
            if (runLines(lines, true, true) == End.INTERRUPTED) {
                out.println(">> " + REPLAY + " " + file + " stopped at line " + errors.line()
                        + " (Ctrl-C); the rest of the file was not run");
                return true;
            }
        } catch (NoSuchFileException e) {
            errors.atLine(replayLine);
            errors.error(REPLAY + " " + file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            // a file that cannot be opened, or fails half-way: what ran stays done
            errors.atLine(replayLine);
            errors.error(REPLAY + " " + file + ": could not be read (" + reason(e) + ")");
        } finally {
            running.remove(identity);
            errors.atLine(replayLine);
        }
        return false;
    }

    /** One name for a file however it was typed, so that a replay of a running file is caught. */
    private static Path identity(String file) {
        Path path = Path.of(file);
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
