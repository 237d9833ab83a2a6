package io.invoke4j.plugin.repl;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code !} commands the REPL answers itself, as InvokeAI's manual describes them: {@code !fetch} (with
 * InvokeAI 2.1's {@code !fetch GLOB OUTFILE}), {@code !history}, {@code !search}, {@code !clear}, {@code !models},
 * {@code !switch}, and the questions of {@code !import_model}, {@code !edit_model} and {@code !del_model}
 * ({@link ModelDialogues}). ({@code !NNN} and {@code !replay} belong to the session, since they run other lines;
 * {@code !invoke}, {@code !dream} and {@code !fix} start commands for the {@link Invoker}.)
 *
 * <p>Unlike InvokeAI, which shows the whole {@code -h} text for a {@code !} word it does not know, an unknown word
 * gets one line naming the commands, so that a typo is not lost above a page of help; and a command that takes
 * no argument refuses one rather than ignoring it.
 */
final class MetaCommands {
    /**
     * The commands, as completion offers them ({@code !fix} is the Invoker's and {@code !replay} the session's,
     * but typed at the same place).
     */
    static final List<String> NAMES = List.of("!fetch", "!fix", "!history", "!search", "!clear", "!models", "!switch",
            ReplSession.REPLAY, "!import_model", "!edit_model", "!del_model");

    /** Printed after the Invoker's {@code -h} text. */
    static final String HELP = String.join("\n",
            "Commands that begin with !:",
            "  !fetch FILE           put the command stored in an image (a name in the output",
            "                        folder, or a path) on the next line, ready to edit",
            "  !fetch GLOB OUTFILE   write the commands of the images GLOB matches (*.png) to",
            "                        OUTFILE (a bare name goes to the output folder)",
            "  !replay FILE          run the commands in FILE, as --from_file does, then come",
            "                        back to the prompt (Ctrl-C stops it)",
            "  !fix FILE SWITCHES    post-process an image with -G, -U or --embiggen, or extend",
            "                        it with -D (outpaint) or -c (outcrop)",
            "  !history              list the commands typed so far, numbered",
            "  !NNN                  show command NNN of the history and run it again",
            "  !search TEXT          list the commands that contain TEXT",
            "  !clear                forget the history, in memory and in its file",
            "  !models               list the models of models.yaml; the one in use is active",
            "  !switch NAME          use the model NAME from now on",
            "  !import_model FOLDER  add a diffusers model folder to models.yaml (asks its name,",
            "                        description, size, and whether it becomes the default)",
            "  !edit_model NAME      change a model's description, folder and size in models.yaml",
            "  !del_model NAME       remove a model from models.yaml (not the one in use)");

    private static final Set<String> INVOKER_WORDS = Set.of("!invoke", "!dream", "!fix");
    private static final String BOLD = "\033[1m";
    private static final String PLAIN = "\033[0m";

    private final Invoker invoker;
    private final CommandHistory history;
    private final LineSource source;
    private final PrintStream out;
    private final ErrorReport errors;
    private final CommandsFile commandsFile;
    private final ModelDialogues modelDialogues;

    MetaCommands(Invoker invoker, CommandHistory history, LineSource source, PrintStream out, ErrorReport errors) {
        this(invoker, history, source, out, errors, Path.of("").toAbsolutePath());
    }

    /** @param workingDirectory what relative paths typed in the model commands are relative to */
    MetaCommands(Invoker invoker, CommandHistory history, LineSource source, PrintStream out, ErrorReport errors,
                 Path workingDirectory) {
        this.invoker = invoker;
        this.history = history;
        this.source = source;
        this.out = out;
        this.errors = errors;
        this.commandsFile = new CommandsFile(invoker, out, errors);
        this.modelDialogues = new ModelDialogues(invoker, source, out, errors, workingDirectory);
    }

    /**
     * Whether {@code line} is one of these commands (or an unknown {@code !} word), not one for the Invoker or
     * the session's {@code !replay}.
     */
    static boolean handles(String line) {
        String word = firstWord(line);
        return line.startsWith("!") && !INVOKER_WORDS.contains(word) && !word.equals(ReplSession.REPLAY);
    }

    /** The first word of a line: the command's name. */
    static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    void run(String line) {
        String word = firstWord(line);
        String argument = line.substring(word.length()).strip();
        switch (word) {
            case "!fetch" -> fetch(argument);
            case "!history" -> {
                if (noArgument(word, argument)) {
                    list(history.entries());
                }
            }
            case "!search" -> search(argument);
            case "!clear" -> {
                if (noArgument(word, argument)) {
                    history.clear();
                    source.forgetHistory();
                }
            }
            case "!models" -> {
                if (noArgument(word, argument)) {
                    models();
                }
            }
            case "!switch" -> switchModel(argument);
            case "!import_model" -> modelDialogues.importModel(argument);
            case "!edit_model" -> modelDialogues.editModel(argument);
            case "!del_model" -> modelDialogues.deleteModel(argument);
            default -> errors.error(word + ": unknown command; the ! commands are "
                    + String.join(" ", NAMES) + " !NNN (-h for help)");
        }
    }

    /**
     * {@code !fetch FILE}: the image's stored command, offered as the next line to edit at a terminal, or
     * printed as {@code # <command>} otherwise (InvokeAI without readline). {@code !fetch GLOB OUTFILE}: the
     * commands of many images, written to a file ({@link CommandsFile}). Two words that together name an image
     * (a name with a space) are still that one image.
     */
    private void fetch(String argument) {
        if (argument.isEmpty()) {
            errors.error("!fetch needs an image file");
            return;
        }
        String[] words = argument.split("\\s+");
        if (words.length == 2 && !namesAFile(argument)) {
            commandsFile.write(words[0], words[1]);
            return;
        }
        fetchOne(argument);
    }

    private boolean namesAFile(String argument) {
        try {
            return Files.isRegularFile(FileInOutputFolder.locate(argument, invoker.outputDirectory()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private void fetchOne(String file) {
        try {
            String command = invoker.fetchCommand(file);
            if (!source.prefill(command)) {
                out.println("# " + command);
            }
        } catch (CommandException e) {
            errors.report(ErrorReport.FILE_PROBLEM, e.getMessage());
        }
    }

    private void search(String text) {
        if (text.isEmpty()) {
            errors.error("!search needs the text to look for");
            return;
        }
        list(history.containing(text));
    }

    /** InvokeAI's listing: {@code [N] command}; {@code <empty history>} when nothing was typed yet. */
    private void list(List<CommandHistory.Entry> entries) {
        if (history.size() == 0) {
            out.println("<empty history>");
            return;
        }
        entries.forEach(entry -> out.println("[" + entry.number() + "] " + entry.command()));
    }

    /** InvokeAI's {@code print_models}: name, status and description; the active one bold at a terminal. */
    private void models() {
        for (ModelSummary model : invoker.models()) {
            String line = String.format("%-25s %10s  %s", model.name(), model.status(), model.description());
            out.println(model.active() && source.interactive() ? BOLD + line + PLAIN : line);
        }
    }

    private void switchModel(String name) {
        if (name.isEmpty()) {
            errors.error("!switch needs a model name (!models lists them)");
            return;
        }
        try {
            invoker.switchModel(name, out::println);
        } catch (CommandException e) {
            errors.error(e.getMessage());
        }
    }

    private boolean noArgument(String word, String argument) {
        if (argument.isEmpty()) {
            return true;
        }
        errors.error(word + " takes no argument");
        return false;
    }
}
