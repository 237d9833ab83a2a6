package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.host.noise.TorchGenerator;

/**
 * What an img2img sampler gets from the host: the seeded generator, progress over the {@code t_enc} steps, and,
 * when inpainting, the mask blend before every step.
 *
 * <p>The blend needs a hook between two steps, and {@link #stepDone} is the one the api has: a sampler reports
 * there the sample the next step starts from, so the blend for step {@code i + 1} is applied to that sample, in
 * place, right after step {@code i} is reported (the blend before step 0 is the pipeline's, before the sampler
 * starts). The draw order stays InvokeAI's: the blend's {@code randn} comes before the step's own draws. Unlike a
 * denoiser wrapper keyed on timesteps, this also holds for PLMS, whose first step asks for the noise at two
 * timesteps.
 */
final class Img2ImgSamplerContext implements SamplerContext {
    private final TorchGenerator generator;
    private final SamplingProgress progress;
    private final float[] alphasCumprod;
    private final int[] timesteps;
    private final int steps;
    private final InpaintBlend blend;

    /**
     * @param timesteps the timesteps a timestep sampler walks (empty for sigma samplers)
     * @param steps     the number of steps the sampler runs, for progress
     * @param blend     the inpainting blend, or {@code null} for plain img2img
     */
    Img2ImgSamplerContext(TorchGenerator generator, SamplingProgress progress, float[] alphasCumprod,
                          int[] timesteps, int steps, InpaintBlend blend) {
        if (blend != null && timesteps.length != steps) {
            throw new IllegalArgumentException("inpainting needs a timestep sampler (DDIM or PLMS)");
        }
        this.generator = generator;
        this.progress = progress;
        this.alphasCumprod = alphasCumprod;
        this.timesteps = timesteps;
        this.steps = steps;
        this.blend = blend;
    }

    /** Applies the blend that comes before the first step to the start sample; nothing for plain img2img. */
    void beforeFirstStep(Latents x) {
        if (blend != null && steps > 0) {
            blend.apply(timesteps[0], x);
        }
    }

    @Override
    public void randnLike(Latents out) {
        generator.randn(out.data());
    }

    @Override
    public void stepDone(int step, Latents x, Latents denoised) {
        // progress first: it shows the sample the step produced and may cancel before more noise is drawn
        progress.stepDone(step, steps, x, denoised);
        if (blend != null && step + 1 < steps) {
            blend.apply(timesteps[step + 1], x);
        }
    }

    @Override
    public float[] alphasCumprod() {
        return alphasCumprod;
    }

    /** InvokeAI's img2img decode loop gives PLMS no history: every step is its first step. */
    @Override
    public boolean keepsHistory() {
        return false;
    }

    @Override
    public int[] timesteps() {
        return timesteps;
    }
}
