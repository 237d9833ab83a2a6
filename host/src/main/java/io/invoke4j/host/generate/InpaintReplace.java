package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.host.noise.TorchGenerator;

/**
 * {@code -r/--inpaint_replace} (InvokeAI 2.0.2's {@code Inpaint.make_image}): before sampling, the start latents
 * under the area to repaint are moved toward fresh noise, {@code z <- z * mask + (1 - mask) * ((1 - r) * z + r *
 * noise)}, so that what was there shows through less (r = 1 replaces it entirely). {@code mask} is 1 where the
 * image is kept.
 *
 * <p>The noise is InvokeAI's {@code self.get_noise(width, height)}: a new {@code randn} of the latent shape from the
 * image's generator, drawn right after the start noise and before the decoding steps draw theirs; with r = 0
 * nothing is drawn, as InvokeAI skips the step then.
 */
final class InpaintReplace {
    private InpaintReplace() {
    }

    /**
     * Replaces, in place, part of {@code z} under the repainted area by a fresh draw from {@code generator}.
     *
     * @param z       the start latents, the init noised to the first step
     * @param mask    the latent mask, same shape, 1 = keep
     * @param replace r, [0, 1]; 0 leaves {@code z} and the generator untouched
     */
    static void apply(Latents z, Latents mask, double replace, TorchGenerator generator) {
        if (z.size() != mask.size()) {
            throw new IllegalArgumentException("the mask " + mask + " does not match the latents " + z);
        }
        if (!(replace > 0.0)) {
            return;
        }
        float[] noise = new float[z.size()];
        generator.randn(noise);
        float[] zd = z.data();
        float[] m = mask.data();
        // torch's float32 order: (1 - r) * inv * z + r * inv * noise, then z * mask + that
        float keepScale = (float) (1.0 - replace);
        float noiseScale = (float) replace;
        for (int i = 0; i < zd.length; i++) {
            float inverted = 1f - m[i];
            float region = keepScale * inverted * zd[i] + noiseScale * inverted * noise[i];
            zd[i] = zd[i] * m[i] + region;
        }
    }
}
