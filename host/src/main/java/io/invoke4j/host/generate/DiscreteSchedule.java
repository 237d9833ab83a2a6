package io.invoke4j.host.generate;

/**
 * The SD 1.x discrete training schedule and the noise levels samplers walk over it, as InvokeAI 2.2.5 and the
 * k-diffusion it pinned compute them (float32 where torch uses float32).
 */
public final class DiscreteSchedule {

    /**
     * From the scheduler config: {@code betas = linspace(sqrt(betaStart), sqrt(betaEnd), trainSteps)^2} in
     * float64 ("scaled_linear"), {@code alphas_cumprod} = float64 cumprod cast to float32,
     * {@code sigmas = sqrt((1 - ac) / ac)} in float32.
     */
    public static DiscreteSchedule scaledLinear(double betaStart, double betaEnd, int trainSteps) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code alphas_cumprod}, float32, one per training timestep (a copy). */
    public float[] alphasCumprod() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The discrete sigmas, one per training timestep (a copy). */
    public float[] sigmas() {
        throw new UnsupportedOperationException("TODO");
    }

    /** k-diffusion {@code get_sigmas(n)}: n values interpolated in log sigma over linspace(999, 0, n), then 0. */
    public float[] modelSigmas(int n) {
        throw new UnsupportedOperationException("TODO");
    }

    /** k-diffusion {@code get_sigmas_karras(n, sigma_min, sigma_max, rho=7)}, then 0. */
    public float[] karrasSigmas(int n) {
        throw new UnsupportedOperationException("TODO");
    }

    /** InvokeAI 2.2.5 KSampler: karras when {@code steps < karrasMax}, else {@link #modelSigmas}. */
    public float[] invokeAiSigmas(int steps, int karrasMax) {
        throw new UnsupportedOperationException("TODO");
    }

    /** k-diffusion {@code sigma_to_t} (log-sigma interpolation, fractional t clamped to [0, 999]). */
    public float sigmaToT(float sigma) {
        throw new UnsupportedOperationException("TODO");
    }

    /** k-diffusion {@code t_to_sigma}. */
    public float tToSigma(float t) {
        throw new UnsupportedOperationException("TODO");
    }

    /** InvokeAI 2.2.5 DDIM/PLMS timesteps for {@code steps}: {@code arange(steps) * (1000 // steps) + 1}, ascending. */
    public int[] ddimTimesteps(int steps) {
        throw new UnsupportedOperationException("TODO");
    }
}
