package io.invoke4j.plugin.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a real terminal, with JLine's Emacs-style editing (Ctrl-A/E/K/Y, arrows), history recall (Up,
 * Down, Ctrl-R) and Tab completion; Ctrl-C at the prompt clears the line.
 */
final class TerminalLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;
    private final RecallHistory history = new RecallHistory();
    private final String prompt;
    private String prefilled;
    /** What Ctrl-C does outside line editing: cancel the running job, or nothing between jobs. */
    private volatile Runnable onInterrupt = () -> { };

    /** @param recorded the commands of earlier sessions, oldest first, for recall */
    TerminalLineSource(String prompt, Completer completer, List<String> recorded) {
        this(systemTerminal(), prompt, completer, recorded);
    }

    /** On {@code terminal} (tests drive one over streams). */
    TerminalLineSource(Terminal terminal, String prompt, Completer completer, List<String> recorded) {
        this.terminal = terminal;
        this.prompt = prompt;
        if (terminal.getWidth() <= 0) {
            // a pty nobody sized (a script, a CI runner): JLine would fold the prompt into nothing
            terminal.setSize(new Size(80, 24));
        }
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("invoke4j")
                .parser(commandWords())
                .completer(completer)
                .history(history)
                .variable(LineReader.HISTORY_SIZE, CommandHistory.LIMIT)
                // ! starts InvokeAI's commands, not a csh history event; and a \ in a prompt stays as typed
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // the recall list is the history as recorded, a command typed twice included, as readline's
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, false)
                .build();
        history.attach(reader);
        recorded.forEach(history::remember);
        // installed once for the whole session: a Ctrl-C that lands between a job's end and the next prompt
        // (JLine restores this handler after each line) must not fall through to the default, which kills
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
    }

    /** Splits a line into words for completion as the command language does: " quotes, ' is an apostrophe. */
    static DefaultParser commandWords() {
        DefaultParser words = new DefaultParser();
        words.setQuoteChars(new char[] {'"'});
        return words;
    }

    private static Terminal systemTerminal() {
        // JLine finds its terminal providers through the context class loader; in a plugin that is not ours
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalLineSource.class.getClassLoader());
        try {
            return TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
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
    public String ask(String question, String answer) {
        try {
            return reader.readLine(question, null, (Character) null, answer);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
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
    public void remember(String command) {
        history.remember(command);
    }

    @Override
    public void forgetHistory() {
        try {
            history.purge();
        } catch (IOException e) {
            // no file behind this history: purging memory cannot fail
        }
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
