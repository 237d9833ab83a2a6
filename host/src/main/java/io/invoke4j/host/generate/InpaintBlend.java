package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.host.noise.TorchGenerator;

/**
 * InvokeAI 2.0's inpainting, applied before every decoding step at timestep {@code tau} ({@code sampler.py}
 * {@code decode}): the area to keep is put back to the init latents noised to that step,
 * {@code x <- mask * q_sample(x0, tau) + (1 - mask) * x}, with {@code q_sample(x0, tau) = sqrt(ab_tau) * x0 +
 * sqrt(1 - ab_tau) * noise} and fresh noise each time, from the 1000-step table. {@code mask} is 1 where the image
 * is kept, 0 where it is repainted, in between where the mask's alpha was.
 *
 * <p>There is no blend after the last step and no paste-back of pixels: the kept area is decoded, not copied.
 * The buffers are allocated once; {@link #apply} allocates nothing.
 */
final class InpaintBlend {
    private final DiscreteSchedule schedule;
    private final float[] init;
    private final float[] mask;
    private final TorchGenerator generator;
    private final float[] noise;

    /**
     * @param init      the (un-noised) init latents {@code x0}
     * @param mask      the latent mask, same shape as {@code init}
     * @param generator the generation's generator: each blend draws one {@code randn_like(x0)} from it
     */
    InpaintBlend(DiscreteSchedule schedule, Latents init, Latents mask, TorchGenerator generator) {
        if (init.size() != mask.size()) {
            throw new IllegalArgumentException("the mask " + mask + " does not match the init latents " + init);
        }
        this.schedule = schedule;
        this.init = init.data();
        this.mask = mask.data();
        this.generator = generator;
        this.noise = new float[init.size()];
    }

    /** Blends {@code x}, in place, for the step at training timestep {@code timestep}. */
    void apply(int timestep, Latents x) {
        generator.randn(noise);
        float signal = schedule.sqrtAlphaCumprod(timestep);
        float noiseScale = schedule.sqrtOneMinusAlphaCumprod(timestep);
        float[] xd = x.data();
        for (int i = 0; i < xd.length; i++) {
            // float32 in torch's order: (x0 * a + n * b) * m + (1 - m) * x
            float original = signal * init[i] + noiseScale * noise[i];
            xd[i] = original * mask[i] + (1f - mask[i]) * xd[i];
        }
    }
}
