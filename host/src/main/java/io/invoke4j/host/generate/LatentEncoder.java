package io.invoke4j.host.generate;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The VAE encoder: an 8-bit RGB image to the latents img2img starts from, as InvokeAI computes them
 * ({@code Generate._create_init_image}, then {@code get_first_stage_encoding(encode_first_stage(image))}).
 *
 * <p>The graph samples the VAE posterior itself ({@code mean + std * N(0, 1)}) with its own unseeded generator, as
 * InvokeAI's encoding does with torch's generator before the seed is set: the same image encodes to slightly
 * different latents each time, in both.
 */
public final class LatentEncoder {
    private final InferenceSession vaeEncoder;

    /** @param vaeEncoder the model's {@link StableDiffusionModel#vaeEncoder()} */
    public LatentEncoder(InferenceSession vaeEncoder) {
        this.vaeEncoder = vaeEncoder;
    }

    /**
     * The scaled latents of {@code image}: {@code 0.18215 * vae_encoder(pixels in [-1, 1])},
     * {@code [1, 4, height / 8, width / 8]}. Width and height must be multiples of 64.
     */
    public Latents encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width % 64 != 0 || height % 64 != 0) {
            throw new IllegalArgumentException("the image must be a multiple of 64 each way, got " + width + "x" + height);
        }
        Tensor input = Tensor.ofFloats(toUnitRange(image), 1, 3, height, width);
        Map<String, Tensor> out = vaeEncoder.run(Map.of(vaeEncoder.inputs().get(0).name(), input));
        Tensor sample = out.get(vaeEncoder.outputs().get(0).name());
        long[] s = sample.shape();
        if (s.length != 4 || s[0] != 1 || s[2] != height / 8 || s[3] != width / 8) {
            throw new IllegalStateException("vae_encoder returned " + sample + " for a " + width + "x" + height + " image");
        }
        float[] latents = sample.floats().clone();
        for (int i = 0; i < latents.length; i++) {
            // scale_factor * z: a float32 product, as torch's tensor-by-Python-float multiplication is
            latents[i] = StableDiffusionModel.LATENT_SCALE * latents[i];
        }
        return new Latents(latents, 1, (int) s[1], (int) s[2], (int) s[3]);
    }

    /**
     * The image as InvokeAI feeds the VAE: channel-first RGB planes, {@code 2 * (p / 255) - 1} in float32 (numpy's
     * {@code astype(float32) / 255.0}, then torch's {@code 2.0 * image - 1.0}; {@code p / 127.5 - 1} rounds
     * differently for some values).
     */
    static float[] toUnitRange(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] planes = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            planes[i] = unit((p >> 16) & 0xff);
            planes[plane + i] = unit((p >> 8) & 0xff);
            planes[2 * plane + i] = unit(p & 0xff);
        }
        return planes;
    }

    private static float unit(int value) {
        return 2f * (value / 255f) - 1f;
    }
}
