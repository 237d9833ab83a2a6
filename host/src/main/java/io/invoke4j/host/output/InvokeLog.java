package io.invoke4j.host.output;

import io.invoke4j.api.GeneratedImage;
import java.nio.file.Path;
import java.util.List;

/** {@code invoke_log.txt} and {@code invoke_log.md} in the folder the images went to, appended per command. */
public final class InvokeLog {
    private InvokeLog() {
    }

    /** Appends one entry per image to both log files of {@code dir} (UTF-8). */
    public static void append(Path dir, List<GeneratedImage> images) {
        throw new UnsupportedOperationException("TODO");
    }
}
