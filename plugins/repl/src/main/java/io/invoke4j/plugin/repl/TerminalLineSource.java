package io.invoke4j.plugin.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;

/** Lines typed at a real terminal, with JLine's line editing; Ctrl-C at the prompt clears the line. */
final class TerminalLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;
    private final String prompt;
    private String prefilled;
    /** What Ctrl-C does outside line editing: cancel the running job, or nothing between jobs. */
    private volatile Runnable onInterrupt = () -> { };

    TerminalLineSource(String prompt) {
        this.prompt = prompt;
        // JLine finds its terminal providers through the context class loader; in a plugin that is not ours
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalLineSource.class.getClassLoader());
        try {
            this.terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (terminal.getWidth() <= 0) {
            // a pty nobody sized (a script, a CI runner): JLine would fold the prompt into nothing
            terminal.setSize(new Size(80, 24));
        }
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("invoke4j").build();
        // installed once for the whole session: a Ctrl-C that lands between a job's end and the next prompt
        // (JLine restores this handler after each line) must not fall through to the default, which kills
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
    }

    Terminal terminal() {
        return terminal;
    }

    @Override
    public String readLine() {
        while (true) {
            try {
                String buffer = prefilled;
                prefilled = null;
                return reader.readLine(prompt, null, (Character) null, buffer);
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt drops the line, as a shell does; Ctrl-D quits
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean prefill(String text) {
        prefilled = text;
        return true;
    }

    @Override
    public void whileRunning(Runnable onInterrupt, Runnable job) {
        this.onInterrupt = onInterrupt;
        try {
            job.run();
        } finally {
            this.onInterrupt = () -> { };
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // the terminal is gone already
        }
    }
}
