package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest;

/**
 * Formats a request back into the command that reproduces it:
 * {@code "a cat" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms}. The same string is printed, logged and stored in
 * the PNG.
 */
public final class CanonicalCommand {
    private CanonicalCommand() {
    }

    /**
     * @param request a request whose steps, width, height, cfg scale and sampler are all set
     * @param seed    the image's seed
     */
    public static String format(GenerationRequest request, long seed) {
        throw new UnsupportedOperationException("TODO");
    }
}
