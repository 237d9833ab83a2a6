package io.invoke4j.plugin.onnx;

/** Turns ONNX Runtime's multi-line error texts into the one-line messages {@link io.invoke4j.api.InferenceException} promises. */
final class OrtMessages {

    private OrtMessages() {
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
