package io.invoke4j.host.generate;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import java.awt.image.BufferedImage;
import java.util.Map;

/** The VAE decoder: latents to an 8-bit RGB image, converted exactly as InvokeAI does. */
public final class LatentDecoder {
    // InvokeAI multiplies by 1 / scale_factor (a float32 product), rather than dividing
    private static final float INVERSE_SCALE = (float) (1.0 / StableDiffusionModel.LATENT_SCALE);

    private final InferenceSession vaeDecoder;

    public LatentDecoder(InferenceSession vaeDecoder) {
        this.vaeDecoder = vaeDecoder;
    }

    /** The decoder's raw output for {@code latents}: {@code [1, 3, 8h, 8w]} in about [-1, 1]. */
    public Tensor decode(Latents latents) {
        float[] scaled = latents.data().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= INVERSE_SCALE;
        }
        int[] s = latents.shape();
        Tensor input = Tensor.ofFloats(scaled, s[0], s[1], s[2], s[3]);
        Map<String, Tensor> out = vaeDecoder.run(Map.of(vaeDecoder.inputs().get(0).name(), input));
        return out.get(vaeDecoder.outputs().get(0).name());
    }

    /**
     * InvokeAI's {@code sample_to_image}: {@code clamp((x + 1) / 2, 0, 1) * 255}, truncated to 8 bits (numpy
     * {@code astype(uint8)}, not rounded), channel-first to an RGB image.
     */
    public static BufferedImage toImage(Tensor decoded) {
        int height = (int) decoded.dim(2);
        int width = (int) decoded.dim(3);
        float[] v = decoded.floats();
        int plane = width * height;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (toByte(v[i]) << 16) | (toByte(v[plane + i]) << 8) | toByte(v[2 * plane + i]);
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    private static int toByte(float value) {
        float unit = Math.min(Math.max((value + 1f) / 2f, 0f), 1f);
        return (int) (unit * 255f);
    }
}
