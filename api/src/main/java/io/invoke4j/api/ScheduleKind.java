package io.invoke4j.api;

/** Which noise schedule a {@link Sampler} walks; the host prepares it and the starting latents to match. */
public enum ScheduleKind {
    /**
     * k-diffusion sigmas as InvokeAI 2.2.5 picks them: Karras sigmas below {@code --karras_max} steps (30),
     * the model's own discrete sigmas from there on. The start latents are noise times {@code sigmas[0]}.
     */
    SIGMAS,
    /** Karras sigmas whatever the step count (the {@code _karras} sampler variants). */
    KARRAS_SIGMAS,
    /**
     * Discrete DDPM timesteps ({@link SamplerContext#timesteps()}), as DDIM and PLMS walk them; the start
     * latents are unscaled noise.
     */
    TIMESTEPS
}
