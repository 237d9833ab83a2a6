package io.invoke4j.plugin.repl;

import java.io.PrintStream;

/**
 * Prints the REPL's error lines (one line each, never a stack trace) and remembers that a command failed. With
 * {@code --from_file} each line names the line of the file it is about, so that a long batch can be fixed
 * afterwards, and the run ends with a non-zero exit status.
 */
final class ErrorReport {
    /** InvokeAI's mark on a command's error line. */
    static final String ERROR = "**";
    /** InvokeAI's mark on {@code !fetch}'s lines about a file. */
    static final String FILE_PROBLEM = "##";

    private final PrintStream out;
    private final boolean numbered;
    private int lineNumber;
    private boolean anyFailed;

    /** @param numbered whether the lines come from a file and the messages name their line */
    ErrorReport(PrintStream out, boolean numbered) {
        this.out = out;
        this.numbered = numbered;
    }

    /**
     * Counts one more line read from the input (a command, or the answer to a command's question): the next
     * messages are about it.
     */
    void lineRead() {
        lineNumber++;
    }

    /** Prints {@code ** message} and counts the command as failed. */
    void error(String message) {
        report(ERROR, message);
    }

    /** Prints {@code mark message} ({@link #ERROR} or {@link #FILE_PROBLEM}) and counts the command as failed. */
    void report(String mark, String message) {
        out.println(mark + " " + (numbered ? "line " + lineNumber + ": " : "") + message);
        anyFailed = true;
    }

    /** Whether any command has failed so far. */
    boolean anyFailed() {
        return anyFailed;
    }
}
