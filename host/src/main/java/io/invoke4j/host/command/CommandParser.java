package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import java.util.Collection;

/**
 * Reads an {@code invoke>} line into a {@link GenerationRequest}, as InvokeAI 2.2.5 splits the prompt from its
 * switches and argparse reads the switches. One parser serves the REPL, {@code --from_file}, {@code !fetch}
 * and the metadata readers.
 */
public final class CommandParser {

    /** @param samplerNames the names {@code -A} accepts */
    public CommandParser(Collection<String> samplerNames) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Parses one line. Absent switches stay {@code null} in the request.
     *
     * @throws CommandException one line saying what is wrong, or {@link CommandException#helpRequested()}
     */
    public GenerationRequest parse(String line) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The full {@code -h} text. */
    public String helpText() {
        throw new UnsupportedOperationException("TODO");
    }
}
