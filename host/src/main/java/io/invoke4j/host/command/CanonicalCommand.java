package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest;
import java.util.Objects;

/**
 * Formats a request back into the command that reproduces it:
 * {@code "a cat" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms}. The same string is printed, logged and stored in
 * the PNG.
 *
 * <p>The prompt is quoted as in InvokeAI 2.0.1 and its manual. Unlike 2.0.1, a {@code "} or {@code \} in the
 * prompt is escaped with a backslash, so that {@link CommandParser#parse} reads the command back to the same
 * prompt; InvokeAI wrote them bare and produced commands that did not re-parse. {@code -n} and {@code -o} are
 * never recorded, as in InvokeAI: each recorded command describes one image wherever it is stored. Floats are
 * written as Python writes them ({@link PythonFloat}), so the strings match InvokeAI's.
 */
public final class CanonicalCommand {
    private CanonicalCommand() {
    }

    /**
     * @param request a request whose steps, width, height, cfg scale and sampler are all set
     * @param seed    the image's seed
     * @throws NullPointerException naming the first of those values that is missing
     */
    public static String format(GenerationRequest request, long seed) {
        return quoted(request.prompt())
                + " -s " + Objects.requireNonNull(request.steps(), "steps")
                + " -S " + seed
                + " -W " + Objects.requireNonNull(request.width(), "width")
                + " -H " + Objects.requireNonNull(request.height(), "height")
                + " -C " + PythonFloat.format(Objects.requireNonNull(request.cfgScale(), "cfgScale"))
                + " -A " + Objects.requireNonNull(request.sampler(), "sampler");
    }

    /** Inside double quotes only {@code "} and {@code \} need a backslash for a POSIX shell split. */
    private static String quoted(String prompt) {
        return '"' + prompt.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
