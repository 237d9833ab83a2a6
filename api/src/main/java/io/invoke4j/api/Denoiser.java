package io.invoke4j.api;

/**
 * The model as a sampler sees it. The host implements it over the UNet, with classifier-free guidance, the
 * model's prediction type and its input scaling already applied, so a sampler never sees prompts or tensors
 * of the backend.
 *
 * <p>Both methods write into {@code out}, which must not be {@code x}; they may be called any number of times
 * per step.
 */
public interface Denoiser {

    /**
     * k-diffusion's {@code model(x, sigma)}: the denoised estimate of {@code x}, a sample at noise level
     * {@code sigma} in the variance-exploding parametrisation ({@code x = x0 + sigma * noise}).
     */
    void denoise(Latents x, float sigma, Latents out);

    /**
     * The predicted noise (epsilon) for a variance-preserving sample {@code x} at the discrete training
     * timestep {@code timestep} (0-999), as DDIM and PLMS use it.
     */
    void predictNoise(Latents x, int timestep, Latents out);
}
