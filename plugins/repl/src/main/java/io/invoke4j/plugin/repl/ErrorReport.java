package io.invoke4j.plugin.repl;

import java.io.PrintStream;

/**
 * Prints the REPL's error lines (one line each, never a stack trace) and remembers that a command failed. For a
 * command read from a file ({@code --from_file}, {@code !replay}) each line names the line of the file it is
 * about, so that a long batch can be fixed afterwards; with {@code --from_file} the run then ends with a non-zero
 * exit status.
 */
final class ErrorReport {
    /** InvokeAI's mark on a command's error line. */
    static final String ERROR = "**";
    /** InvokeAI's mark on {@code !fetch}'s lines about a file. */
    static final String FILE_PROBLEM = "##";

    private final PrintStream out;
    private int lineNumber;
    private boolean anyFailed;

    ErrorReport(PrintStream out) {
        this.out = out;
    }

    /**
     * The line of a file of commands the next messages are about (1 for the first), or 0 for a typed command:
     * its messages name no line.
     */
    void atLine(int number) {
        lineNumber = number;
    }

    /**
     * Counts the answer to a command's question as one more line of the file the command came from (none for a
     * typed command): the next messages are about the line after it.
     */
    void lineRead() {
        if (lineNumber > 0) {
            lineNumber++;
        }
    }

    /** The line the messages are about now (0 for none). */
    int line() {
        return lineNumber;
    }

    /** Prints {@code ** message} and counts the command as failed. */
    void error(String message) {
        report(ERROR, message);
    }

    /** Prints {@code mark message} ({@link #ERROR} or {@link #FILE_PROBLEM}) and counts the command as failed. */
    void report(String mark, String message) {
        notice(mark, message);
        anyFailed = true;
    }

    /** Prints {@code mark message} about something skipped that does not make the command fail. */
    void notice(String mark, String message) {
        out.println(mark + " " + (lineNumber > 0 ? "line " + lineNumber + ": " : "") + message);
    }

    /** Whether any command has failed so far. */
    boolean anyFailed() {
        return anyFailed;
    }
}
