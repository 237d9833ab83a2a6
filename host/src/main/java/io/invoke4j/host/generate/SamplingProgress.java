package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;

/** Follows the denoising loop of one image; the pipeline's caller decides what to show and when to stop. */
public interface SamplingProgress {

    /** Nothing shown, never cancelled. */
    SamplingProgress NONE = (step, steps, x, denoised) -> {
    };

    /**
     * Step {@code step} (0-based) of {@code steps} is done.
     *
     * @throws java.util.concurrent.CancellationException to stop the image
     */
    void stepDone(int step, int steps, Latents x, Latents denoised);
}
