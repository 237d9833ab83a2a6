package io.invoke4j.plugin.repl;

import java.io.Closeable;

/** Where the REPL's commands come from: a terminal, a pipe, or a {@code --from_file} file. */
interface LineSource extends Closeable {

    /** The next line, or {@code null} at the end of input (Ctrl-D, end of file). */
    String readLine();

    /** Whether a person is typing: then the source echoes nothing and Ctrl-C cancels a running job. */
    boolean interactive();

    /** Runs {@code onInterrupt} when the user presses Ctrl-C while a job runs (until the job ends). */
    default void whileRunning(Runnable onInterrupt, Runnable job) {
        job.run();
    }

    /**
     * Offers {@code text} as the start of the next line, ready to edit; returns {@code false} where a source
     * cannot (a pipe or a file).
     */
    default boolean prefill(String text) {
        return false;
    }

    /**
     * Reads the answer to a question a command asks ({@code !import_model}'s), with {@code answer} offered as the
     * answer, ready to edit, where a source can (a terminal shows {@code question} as the prompt); elsewhere it is
     * the next line, and the caller shows the question. Answers are not commands: they are not offered for recall.
     *
     * @return the line, or {@code null} at the end of input or when the user gives up (Ctrl-C)
     */
    default String ask(String question, String answer) {
        return readLine();
    }

    /** Offers a command recorded in the history for recall (Up arrow, Ctrl-P) where a source can. */
    default void remember(String command) {
    }

    /** Forgets every command offered for recall ({@code !clear}). */
    default void forgetHistory() {
    }

    @Override
    void close();
}
