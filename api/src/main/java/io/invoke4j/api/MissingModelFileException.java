package io.invoke4j.api;

import java.nio.file.Path;

/**
 * A post-processing model file is not where models.yaml (or {@code --gfpgan_model_path}) says it is, or none is
 * configured. Thrown by {@link PostprocessContext}; an {@link Upscaler} or {@link FaceRestorer} lets it
 * propagate, and the host reports it in one line and keeps the image unprocessed.
 */
public class MissingModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the file that is missing, or {@code null} when none is configured */
    public MissingModelFileException(Path file, String message) {
        super(message, null, false, false);
        this.file = file;
    }

    /** The missing file, or {@code null} when none was configured. */
    public Path file() {
        return file;
    }
}
