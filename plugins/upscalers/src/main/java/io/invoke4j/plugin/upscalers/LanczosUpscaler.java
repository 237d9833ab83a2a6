package io.invoke4j.plugin.upscalers;

import io.invoke4j.api.PostprocessContext;
import io.invoke4j.api.Upscaler;
import java.awt.image.BufferedImage;
import org.pf4j.Extension;

/**
 * {@code lanczos}: Pillow's LANCZOS resampling by the scale asked for. It needs no model file, so a Stable
 * Diffusion entry can name it directly ({@code upscaler: lanczos}) where no Real-ESRGAN model is at hand.
 */
@Extension
public final class LanczosUpscaler implements Upscaler {
    /** The name models.yaml uses. */
    public static final String NAME = "lanczos";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
        return context.resize(image, image.getWidth() * scale, image.getHeight() * scale);
    }
}
