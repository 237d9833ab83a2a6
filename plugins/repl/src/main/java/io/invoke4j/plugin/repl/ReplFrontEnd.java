package io.invoke4j.plugin.repl;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.FrontEnd;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The {@code invoke>} front end: reads commands from the terminal (JLine), a pipe, or {@code --from_file},
 * runs each through the {@link Invoker}, and prints InvokeAI's {@code Outputs:} block. A bad command prints
 * one line and the loop goes on; {@code q}, {@code quit}, {@code exit} or end of input leaves.
 */
@Extension
public final class ReplFrontEnd implements FrontEnd {
    static final String PROMPT = "invoke> ";

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

    @Override
    public int run(Invoker invoker) {
        try (LineSource source = openSource(invoker)) {
            if (invoker.commandFile().isEmpty()) {
                out.println();
                out.println("* Initialization done! Awaiting your command (-h for help, 'q' to quit)");
            }
            new Session(invoker, source).loop();
        }
        out.println("goodbye!");
        return 0;
    }

    private LineSource openSource(Invoker invoker) {
        String file = invoker.commandFile().orElse(null);
        if (file != null && !"-".equals(file)) {
            try {
                return new StreamLineSource(Files.newInputStream(Path.of(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (file == null && allowTerminal && System.console() != null) {
            return new TerminalLineSource(PROMPT);
        }
        return new StreamLineSource(in);
    }

    /** One run of the loop over a source. */
    private final class Session {
        private final Invoker invoker;
        private final LineSource source;
        private final boolean fromFile;
        private int outputCounter = 1;

        Session(Invoker invoker, LineSource source) {
            this.invoker = invoker;
            this.source = source;
            this.fromFile = invoker.commandFile().isPresent();
        }

        void loop() {
            for (String raw; (raw = nextLine()) != null; ) {
                String line = raw.strip();
                if (fromFile && !line.isEmpty()) {
                    out.println("#" + line);
                }
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                    continue;
                }
                if (line.equals("q") || line.equals("quit") || line.equals("exit")) {
                    return;
                }
                execute(line);
            }
        }

        private String nextLine() {
            if (!source.interactive() && !fromFile) {
                // piped input: show the prompt so a transcript reads like a session
                out.print(PROMPT);
                out.flush();
            }
            return source.readLine();
        }

        private void execute(String line) {
            if (line.startsWith("!fetch")) {
                fetch(line.substring("!fetch".length()).strip());
                return;
            }
            if (line.startsWith("!fix")) {
                // "!fix FILE switches" is no meta-command: the Invoker parses it and generate() post-processes the
                // file, with the Outputs block of a prompt (keep it ahead of any handling of other "!" words)
                run(line);
                return;
            }
            run(line);
        }

        /** A prompt, or {@code !fix}: parsed and run by the Invoker, then the {@code Outputs:} block. */
        private void run(String line) {
            GenerationRequest request;
            try {
                request = invoker.parse(line);
            } catch (CommandException e) {
                if (e.isHelpRequested()) {
                    out.println(invoker.helpText());
                } else {
                    out.println("** " + e.getMessage());
                }
                return;
            }
            ConsoleProgress progress = new ConsoleProgress(out, err, source.interactive());
            List<GeneratedImage> images = new ArrayList<>();
            try {
                source.whileRunning(progress::requestCancel, () -> images.addAll(invoker.generate(request, progress)));
            } catch (CommandException e) {
                out.println("** " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                out.println("** Could not generate image: " + oneLine(e));
            }
            printOutputs(images);
        }

        /**
         * {@code !fetch FILE}: the image's stored command, offered as the next line to edit at a terminal, or
         * printed as {@code # <command>} otherwise (InvokeAI without readline).
         */
        private void fetch(String file) {
            if (file.isEmpty()) {
                out.println("** !fetch needs an image file");
                return;
            }
            try {
                String command = invoker.fetchCommand(file);
                if (!source.prefill(command)) {
                    out.println("# " + command);
                }
            } catch (CommandException e) {
                out.println("## " + e.getMessage());
            }
        }

        private void printOutputs(List<GeneratedImage> images) {
            out.println("Outputs:");
            for (int i = 0; i < images.size(); i++) {
                GeneratedImage image = images.get(i);
                String counter = images.size() == 1 ? String.valueOf(outputCounter) : outputCounter + "." + (i + 1);
                out.println("[" + counter + "] " + image.path() + ": " + image.command());
            }
            out.println();
            if (!images.isEmpty()) {
                outputCounter++;
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
