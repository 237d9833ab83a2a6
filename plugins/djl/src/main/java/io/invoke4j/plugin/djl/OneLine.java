package io.invoke4j.plugin.djl;

import java.util.ArrayList;
import java.util.List;

/** Turns a DJL, ONNX Runtime or libtorch failure into one line for an {@link io.invoke4j.api.InferenceException}. */
final class OneLine {

    private static final int MAX_CAUSES = 4;

    private OneLine() {
    }

    /**
     * The messages of {@code e} and its causes joined by ": ", each once and on one line. DJL wraps a native
     * failure in a few layers ("Failed to load PyTorch native library: ... Offline mode is enabled."), and the
     * useful part is often a cause; libtorch's own messages run over many lines, of which the first says what
     * went wrong and the rest is a C++ trace.
     */
    static String of(Throwable e) {
        List<String> parts = new ArrayList<>();
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            String message = firstLine(t);
            if (message == null || parts.stream().anyMatch(part -> part.contains(message))) {
                continue; // a wrapper often repeats its cause's message; say it once
            }
            parts.removeIf(message::contains);
            parts.add(message);
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        // a wrapped exception's default message is "ClassName: message"; keep the message
        return line.replaceFirst("^(\\w+\\.)+\\w+(Exception|Error): ", "");
    }
}
