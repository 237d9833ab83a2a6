package io.invoke4j.api;

import org.pf4j.ExtensionPoint;

/**
 * A diffusion sampler, selected by name with {@code -A} at {@code invoke>} or {@code --sampler} at start-up.
 *
 * <p>Write it like a function of k-diffusion's {@code sampling.py}: allocate working buffers once, then one
 * short loop over the schedule that calls the {@link Denoiser}, updates {@code x} in place and reports each
 * step through {@link SamplerContext#stepDone}.
 */
public interface Sampler extends ExtensionPoint {

    /** The name users type: {@code k_lms}, {@code ddim}, ... Unique among all loaded samplers. */
    String name();

    /** The schedule this sampler walks. */
    default ScheduleKind scheduleKind() {
        return ScheduleKind.SIGMAS;
    }

    /**
     * Runs the sampler.
     *
     * @param model   the denoiser
     * @param x       the start sample: noise times {@code sigmas[0]} for sigma samplers, plain noise for
     *                timestep samplers (or the partly noised init image for img2img); may be updated in place
     * @param sigmas  the noise levels to walk, highest first, ending with 0 ({@code steps + 1} values); for
     *                timestep samplers the sigma of each of {@link SamplerContext#timesteps()} then 0
     * @param context noise, progress and the discrete schedule
     * @return the final sample (may be {@code x} itself)
     */
    Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context);
}
