package io.invoke4j.host.output;

import java.io.IOException;

/** A file that is not a PNG, or a PNG that is cut short or damaged. The message is one line. */
public final class PngFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, one line ({@code not a PNG file}) */
    public PngFormatException(String message) {
        super(message);
    }
}
