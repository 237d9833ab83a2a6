package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;

/** Follows the denoising loop of one image; the pipeline's caller decides what to show and when to stop. */
public interface SamplingProgress {

    /** Nothing shown, never cancelled. */
    SamplingProgress NONE = (step, steps, x, denoised) -> {
    };

    /**
     * The sampler is about to take its first step from {@code x} (the latents that step starts from, which the
     * sampler then changes in place). For {@code --save_intermediates}, which shows each step's starting point.
     */
    default void samplingStarts(Latents x) {
    }

    /**
     * Step {@code step} (0-based) of {@code steps} is done; {@code x} is the latents after it.
     *
     * @throws java.util.concurrent.CancellationException to stop the image
     */
    void stepDone(int step, int steps, Latents x, Latents denoised);
}
