package io.invoke4j.api;

import java.awt.image.BufferedImage;
import org.pf4j.ExtensionPoint;

/**
 * A face restorer: what {@code -G STRENGTH} runs (with {@code -ft NAME}, default {@code gfpgan}) after a
 * generation or in {@code !fix}.
 *
 * <p>{@code -ft NAME} names an entry of {@code configs/models.yaml} with {@code format: face_restorer}; its
 * {@code type:} (or else its name) is this extension's {@link #name()}, its {@code path:} the restoring model,
 * and its other settings are options ({@code detector: retinaface} names the face detector's entry, reached
 * with {@link PostprocessContext#helper(String)}).
 *
 * <p>The host blends the returned image with the input by the {@code -G} strength, so return the full-strength
 * restoration. Pixels away from the faces should come back unchanged.
 */
public interface FaceRestorer extends ExtensionPoint {

    /** The name {@code -ft} and models.yaml use: {@code gfpgan}, {@code codeformer}. Unique among face restorers. */
    String name();

    /**
     * Finds the faces in an image, restores each, and puts them back.
     *
     * @param image   an opaque RGB image ({@link BufferedImage#TYPE_INT_RGB}); do not change it
     * @param context the model files, their opened sessions, options ({@code fidelity} from {@code -cf}) and
     *                messages
     * @return a new image of the same size (or {@code image} itself when it has no face)
     * @throws MissingModelFileException (from the context) when a model file is not there: the host then
     *                                   reports it in one line and keeps the image unprocessed
     */
    BufferedImage restore(BufferedImage image, PostprocessContext context);
}
