package io.invoke4j.plugin.repl;

import io.invoke4j.api.Invoker;
import java.io.PrintStream;
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
 */
final class ReplSession {
    static final String PROMPT = "invoke> ";
    private static final Set<String> QUIT_WORDS = Set.of("q", "quit", "exit");
    private static final Set<String> UNRECORDED = Set.of("!history", "!search");
    private static final Pattern HISTORY_NUMBER = Pattern.compile("!(\\d+)");

    private final LineSource source;
    private final CommandHistory history;
    private final PrintStream out;
    private final boolean fromFile;
    private final ErrorReport errors;
    private final MetaCommands metaCommands;
    private final GenerateCommand generate;

    /** @param progress where the generation progress goes (standard error) */
    ReplSession(Invoker invoker, LineSource source, CommandHistory history, PrintStream out, PrintStream progress) {
        this.source = source;
        this.history = history;
        this.out = out;
        this.fromFile = invoker.commandFile().isPresent();
        this.errors = new ErrorReport(out, fromFile);
        this.metaCommands = new MetaCommands(invoker, history, source, out, errors);
        this.generate = new GenerateCommand(invoker, source, out, progress, errors, history.size() + 1);
    }

    /**
     * Runs until a quit word or the end of input.
     *
     * @return the exit status: 1 when commands came from a file and any of them failed, else 0
     */
    int run() {
        for (String raw; (raw = nextLine()) != null; ) {
            errors.lineRead();
            String line = raw.strip();
            if (fromFile && !line.isEmpty()) {
                out.println("#" + line);
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            if (QUIT_WORDS.contains(line)) {
                break;
            }
            execute(line);
        }
        return fromFile && errors.anyFailed() ? 1 : 0;
    }

    private String nextLine() {
        if (!source.interactive() && !fromFile) {
            // piped input: show the prompt so a transcript reads like a session
            out.print(PROMPT);
            out.flush();
        }
        return source.readLine();
    }

    private void execute(String typed) {
        String line = typed;
        Matcher number = HISTORY_NUMBER.matcher(line);
        if (number.matches()) {
            Optional<String> recalled = recall(number.group(1));
            if (recalled.isEmpty()) {
                return;
            }
            line = recalled.get();
            show(line);
        }
        // InvokeAI 2.2 records every line before running it, bad ones too (they are the ones worth recalling
        // to fix); not the commands that list the history, which would otherwise find themselves in it
        if (!UNRECORDED.contains(MetaCommands.firstWord(line))) {
            history.add(line);
            source.remember(line);
        }
        if (MetaCommands.handles(line)) {
            metaCommands.run(line);
        } else {
            generate.run(line);
        }
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
    private void show(String command) {
        if (fromFile) {
            out.println("#" + command);
        } else if (source.interactive()) {
            out.println(PROMPT + command);
        } else {
            out.println(command); // after the prompt already printed for the piped line
        }
    }
}
