package io.invoke4j.api;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an {@link Upscaler} or a {@link FaceRestorer} gets from the host for one call: its models.yaml entry's
 * model file, that model opened through the entry's {@link InferenceEngine}, the entry's options, and a way to
 * talk to the user. Valid for the call it is given to.
 */
public interface PostprocessContext {

    /**
     * The entry's model file ({@code path:} in models.yaml; {@code --gfpgan_model_path} for GFPGAN).
     *
     * @throws MissingModelFileException when the entry has no file or the file is not there
     */
    Path modelFile();

    /**
     * The entry's model, opened through the {@link InferenceEngine} the entry names with {@code engine:} (by
     * default the engine of the Stable Diffusion model in use). The host opens it once per session and closes
     * it at the end: do not close it.
     *
     * @throws MissingModelFileException when the model file is not there
     * @throws InferenceException        when the engine cannot open it
     */
    InferenceSession session();

    /**
     * A setting: from the switches of the command first ({@code fidelity} is {@code -cf}), then from the entry
     * in models.yaml ({@code tile: 400}, {@code threshold: 0.97}), as text.
     */
    Optional<String> option(String name);

    /** {@link #option} as an integer, or {@code fallback} when absent. */
    default int intOption(String name, int fallback) {
        return option(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
    }

    /** {@link #option} as a number, or {@code fallback} when absent. */
    default double doubleOption(String name, double fallback) {
        return option(name).map(String::trim).map(Double::parseDouble).orElse(fallback);
    }

    /**
     * The context of another entry that this entry names under {@code key}: a face restorer's
     * {@code detector: retinaface} gives the detector's model file, session and options.
     *
     * @throws MissingModelFileException when the entry names none under {@code key}, or the named entry does not
     *                                   exist
     */
    PostprocessContext helper(String key);

    /** {@code image} resized to {@code width x height} with Pillow's LANCZOS filter, as the host resizes. */
    BufferedImage resize(BufferedImage image, int width, int height);

    /** Shows an informational line to the user ({@code >> ...}). */
    void message(String line);

    /**
     * Whether the user asked to stop (Ctrl-C). Poll it between tiles or faces and throw
     * {@link java.util.concurrent.CancellationException} when it is {@code true}.
     */
    boolean cancelRequested();
}
