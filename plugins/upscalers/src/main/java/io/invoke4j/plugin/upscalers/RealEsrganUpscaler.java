package io.invoke4j.plugin.upscalers;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.api.Upscaler;
import java.awt.image.BufferedImage;
import org.pf4j.Extension;

/**
 * {@code realesrgan}: Real-ESRGAN (SRVGGNetCompact {@code realesr-general-x4v3}, RRDBNet {@code x2plus}, ...) as
 * an ONNX model at its own scale, in tiles of {@code tile:} pixels (models.yaml, default 400 as InvokeAI's
 * {@code --esrgan_bg_tile}; 0 runs the whole image in one call) with {@code tile_pad:} pixels of context on each
 * side (default 10). The host resizes the result to the scale asked for, as Real-ESRGAN's {@code outscale} does.
 */
@Extension
public final class RealEsrganUpscaler implements Upscaler {
    /** The name models.yaml uses. */
    public static final String NAME = "realesrgan";
    /** InvokeAI 2.2.5's {@code --esrgan_bg_tile} default. */
    static final int DEFAULT_TILE = 400;
    /** Real-ESRGAN's {@code tile_pad} as InvokeAI sets it. */
    static final int DEFAULT_TILE_PAD = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
        InferenceSession model = context.session();
        TiledUpscale upscale = TiledUpscale.over(model, context.intOption("tile", DEFAULT_TILE),
                context.intOption("tile_pad", DEFAULT_TILE_PAD), context::cancelRequested);
        return upscale.run(image);
    }
}
