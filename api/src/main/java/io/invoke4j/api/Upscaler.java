package io.invoke4j.api;

import java.awt.image.BufferedImage;
import org.pf4j.ExtensionPoint;

/**
 * An image upscaler: what {@code -U SCALE [STRENGTH]} runs after a generation or in {@code !fix}, and what
 * {@code --embiggen} enlarges its source with before re-diffusing it in tiles.
 *
 * <p>Which upscaler runs is set in {@code configs/models.yaml}: a Stable Diffusion entry's {@code upscaler:}
 * names an entry with {@code format: upscaler} (its {@code type:}, or else its name, is this extension's
 * {@link #name()}, and its {@code path:} is the model file), or names an upscaler directly when it needs no
 * file. The default is {@code realesrgan}.
 *
 * <p>Write one like this:
 * <pre>{@code
 * @Extension
 * public final class MyUpscaler implements Upscaler {
 *     public String name() { return "my-upscaler"; }
 *
 *     public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
 *         InferenceSession model = context.session();   // the entry's model file, opened once by the host
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The host does what every upscaler shares, so an implementation does not: it checks the switches, resizes
 * a result of another size to exactly {@code scale} times the input with Pillow's LANCZOS filter (so a model
 * that always enlarges four times serves {@code -U 2} too), blends the result with the input by the
 * {@code -U} strength, prints the messages, and writes the file.
 */
public interface Upscaler extends ExtensionPoint {

    /** The name models.yaml uses for this upscaler: {@code realesrgan}, {@code lanczos}. Unique among upscalers. */
    String name();

    /**
     * Upscales one image.
     *
     * @param image   an opaque RGB image ({@link BufferedImage#TYPE_INT_RGB}); do not change it
     * @param scale   how many times larger to make each side, at least 1
     * @param context the model file, its opened session, options and messages
     * @return the upscaled image, at full strength: ideally {@code scale} times the input each way; any other
     *         size is resized to that by the host
     * @throws MissingModelFileException (from the context) when the configured model file is not there: the
     *                                   host then reports it in one line and keeps the image unprocessed
     * @throws java.util.concurrent.CancellationException when {@link PostprocessContext#cancelRequested()} said
     *                                   so between two pieces of work
     */
    BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context);
}
