package io.invoke4j.api;

/**
 * A command could not be run as typed. The message is one line for the user, saying what is wrong
 * ({@code argument -s/--steps: invalid int value: 'x'}); front ends print it and carry on.
 */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean helpRequested;

    public CommandException(String message) {
        this(message, false);
    }

    private CommandException(String message, boolean helpRequested) {
        super(message, null, false, false);
        this.helpRequested = helpRequested;
    }

    /** The line asked for help ({@code -h}, {@code --help}) instead of a generation. */
    public static CommandException helpRequested() {
        return new CommandException("help requested", true);
    }

    /** Whether the front end should show {@link Invoker#helpText()} instead of the message. */
    public boolean isHelpRequested() {
        return helpRequested;
    }
}
