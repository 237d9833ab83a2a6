package io.invoke4j.plugin.repl;

import io.invoke4j.api.FrontEnd;
import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.Extension;

/**
 * The {@code invoke>} front end: reads commands from the terminal (JLine, with history recall and completion),
 * a pipe, or {@code --from_file}, and runs them in a {@link ReplSession}. The command history lives in the
 * start-up output folder, whichever the source.
 */
@Extension
public final class ReplFrontEnd implements FrontEnd {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean allowTerminal;

    /** The front end on the process's standard streams. */
    public ReplFrontEnd() {
        this(System.in, System.out, System.err, true);
    }

    ReplFrontEnd(InputStream in, PrintStream out, PrintStream err, boolean allowTerminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.allowTerminal = allowTerminal;
    }

    @Override
    public String name() {
        return "repl";
    }

    /** Exit status when the commands cannot be read: a {@code --from_file} file that cannot be opened or read. */
    static final int EXIT_UNREADABLE_FILE = 1;

    @Override
    public int run(Invoker invoker) {
        CommandHistory history = CommandHistory.load(invoker.outputDirectory(), out::println);
        LineSource opened;
        try {
            opened = openSource(invoker, history);
        } catch (UncheckedIOException e) {
            err.println("** " + invoker.commandFile().orElse("") + ": could not be read (" + e.getCause() + ")");
            return EXIT_UNREADABLE_FILE;
        }
        int status;
        try (LineSource source = opened) {
            if (invoker.commandFile().isEmpty()) {
                out.println();
                out.println("* Initialization done! Awaiting your command (-h for help, 'q' to quit)");
            }
            status = new ReplSession(invoker, source, history, out, err).run();
        } catch (UncheckedIOException e) {
            err.println("** Could not read the next command (" + e.getCause() + ")");
            status = EXIT_UNREADABLE_FILE;
        }
        out.println("goodbye!");
        return status;
    }

    private LineSource openSource(Invoker invoker, CommandHistory history) {
        String file = invoker.commandFile().orElse(null);
        if (file != null && !"-".equals(file)) {
            try {
                return new StreamLineSource(Files.newInputStream(Path.of(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (file == null && allowTerminal && System.console() != null) {
            return new TerminalLineSource(ReplSession.PROMPT, new InvokeCompleter(invoker),
                    history.entries().stream().map(CommandHistory.Entry::command).toList());
        }
        return new StreamLineSource(in);
    }
}
