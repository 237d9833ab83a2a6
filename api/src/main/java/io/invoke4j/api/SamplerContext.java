package io.invoke4j.api;

import java.util.concurrent.CancellationException;

/** What a {@link Sampler} gets from the host besides the model: noise, progress, and the discrete schedule. */
public interface SamplerContext {

    /**
     * Fills {@code out} with standard normal noise from the generation's seeded generator: torch's
     * {@code randn_like(x)} on the CPU generator, so that ancestral samplers give InvokeAI's images. Draw it
     * where k-diffusion draws it, including draws whose value is unused, since each draw advances the
     * generator.
     */
    void randnLike(Latents out);

    /**
     * Reports the end of step {@code step} (0-based) with the current sample and the last denoised estimate.
     * The host shows progress, writes previews and checks for cancellation here.
     *
     * @throws CancellationException when the user cancelled the job; let it propagate
     */
    void stepDone(int step, Latents x, Latents denoised);

    /** The model's training schedule: {@code alphas_cumprod[t]} for t = 0..999, float32 as the model holds it. */
    float[] alphasCumprod();

    /**
     * For {@link ScheduleKind#TIMESTEPS} samplers: the timesteps to walk, highest first, one per step (DDIM with
     * 50 steps: 981, 961, ..., 1). The step after the last one lands on timestep 0's alpha. Empty for sigma
     * samplers.
     */
    int[] timesteps();

    /**
     * Whether a multistep timestep sampler (PLMS) carries its history of noise predictions from step to step.
     * InvokeAI 2.x's img2img and inpainting loop calls PLMS without that history, so every step there is PLMS's
     * two-call first step; the host answers {@code false} in that loop so a seed still gives InvokeAI's image.
     */
    default boolean keepsHistory() {
        return true;
    }
}
