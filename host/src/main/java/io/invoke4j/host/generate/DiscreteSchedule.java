package io.invoke4j.host.generate;

import java.util.Arrays;

/**
 * The SD 1.x discrete training schedule and the noise levels samplers walk over it, as InvokeAI 2.2.5 and the
 * k-diffusion it pinned compute them (float32 where torch uses float32).
 *
 * <p>Bit for bit: {@code alphas_cumprod}, the sigma table, the karras schedule and the timesteps. Values that
 * pass through torch's float {@code log}/{@code exp} ({@link #modelSigmas}, {@link #sigmaToT}, {@link #tToSigma})
 * may be one float ULP off (about 1e-7 relative): torch's vectorised SLEEF kernels are not correctly rounded, the
 * double functions used here, rounded to float, practically are. Those are {@link StrictMath}'s, so that every
 * JVM gives the same schedule.
 */
public final class DiscreteSchedule {

    private static final double KARRAS_RHO = 7.0;

    private final float[] alphasCumprod;
    private final float[] sigmas;
    private final float[] logSigmas;
    /** {@code sqrt(ac)} and {@code sqrt(1 - ac)} from the float64 cumprod, as the model's q_sample buffers hold them. */
    private final float[] sqrtAlphasCumprod;
    private final float[] sqrtOneMinusAlphasCumprod;

    private DiscreteSchedule(double[] alphasCumprod64) {
        int trainSteps = alphasCumprod64.length;
        alphasCumprod = new float[trainSteps];
        sqrtAlphasCumprod = new float[trainSteps];
        sqrtOneMinusAlphasCumprod = new float[trainSteps];
        for (int t = 0; t < trainSteps; t++) {
            alphasCumprod[t] = (float) alphasCumprod64[t];
            sqrtAlphasCumprod[t] = (float) Math.sqrt(alphasCumprod64[t]);
            sqrtOneMinusAlphasCumprod[t] = (float) Math.sqrt(1 - alphasCumprod64[t]);
        }
        sigmas = new float[trainSteps];
        logSigmas = new float[trainSteps];
        for (int t = 0; t < trainSteps; t++) {
            float alpha = alphasCumprod[t];
            // float division then a float sqrt: the double sqrt of a float, rounded to float, is that exactly
            sigmas[t] = (float) Math.sqrt((1f - alpha) / alpha);
            logSigmas[t] = (float) StrictMath.log(sigmas[t]);
        }
    }

    /**
     * From the scheduler config: {@code betas = linspace(sqrt(betaStart), sqrt(betaEnd), trainSteps)^2} in
     * float64 ("scaled_linear"), {@code alphas_cumprod} = float64 cumprod cast to float32,
     * {@code sigmas = sqrt((1 - ac) / ac)} in float32.
     */
    public static DiscreteSchedule scaledLinear(double betaStart, double betaEnd, int trainSteps) {
        if (trainSteps < 2) {
            throw new IllegalArgumentException("a schedule needs at least 2 training steps, got " + trainSteps);
        }
        double[] betaRoots = TorchLinspace.doubles(Math.sqrt(betaStart), Math.sqrt(betaEnd), trainSteps);
        double[] alphasCumprod = new double[trainSteps];
        double product = 1;
        for (int t = 0; t < trainSteps; t++) {
            product *= 1 - betaRoots[t] * betaRoots[t];
            alphasCumprod[t] = product;
        }
        return new DiscreteSchedule(alphasCumprod);
    }

    /** {@code alphas_cumprod}, float32, one per training timestep (a copy). */
    public float[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    /**
     * {@code sqrt(alphas_cumprod[t])} as LDM's {@code DDPM.register_schedule} stores it for {@code q_sample}: the
     * square root of the float64 cumprod, then rounded to float32 (not the root of the float32 value).
     */
    public float sqrtAlphaCumprod(int t) {
        return sqrtAlphasCumprod[t];
    }

    /** {@code sqrt(1 - alphas_cumprod[t])}, from the float64 cumprod like {@link #sqrtAlphaCumprod}. */
    public float sqrtOneMinusAlphaCumprod(int t) {
        return sqrtOneMinusAlphasCumprod[t];
    }

    /** The discrete sigmas, one per training timestep (a copy). */
    public float[] sigmas() {
        return sigmas.clone();
    }

    /** k-diffusion {@code get_sigmas(n)}: n values interpolated in log sigma over linspace(999, 0, n), then 0. */
    public float[] modelSigmas(int n) {
        requirePositive(n);
        float[] timesteps = TorchLinspace.floats(lastTimestep(), 0f, n);
        float[] result = new float[n + 1];
        for (int i = 0; i < n; i++) {
            result[i] = tToSigma(timesteps[i]);
        }
        return result;
    }

    /** k-diffusion {@code get_sigmas_karras(n, sigma_min, sigma_max, rho=7)}, then 0. */
    public float[] karrasSigmas(int n) {
        requirePositive(n);
        // k-diffusion takes the roots in Python doubles and hands them to a float tensor expression
        double minRoot = StrictMath.pow(sigmas[0], 1 / KARRAS_RHO);
        double maxRoot = StrictMath.pow(sigmas[sigmas.length - 1], 1 / KARRAS_RHO);
        float rootSpan = (float) (minRoot - maxRoot);
        float[] ramp = TorchLinspace.floats(0f, 1f, n);
        float[] result = new float[n + 1];
        for (int i = 0; i < n; i++) {
            float root = (float) maxRoot + ramp[i] * rootSpan;
            result[i] = (float) StrictMath.pow(root, KARRAS_RHO);
        }
        return result;
    }

    /** InvokeAI 2.2.5 KSampler: karras when {@code steps < karrasMax}, else {@link #modelSigmas}. */
    public float[] invokeAiSigmas(int steps, int karrasMax) {
        return steps < karrasMax ? karrasSigmas(steps) : modelSigmas(steps);
    }

    /** The line InvokeAI 2.2.5's KSampler prints when it makes the choice of {@link #invokeAiSigmas}. */
    public static String choice(int steps, int karrasMax) {
        return steps < karrasMax ? ">> Ksampler using karras noise schedule (steps < " + karrasMax + ")"
                : ">> Ksampler using model noise schedule (steps >= " + karrasMax + ")";
    }

    /** k-diffusion {@code sigma_to_t} (log-sigma interpolation, fractional t clamped to [0, 999]). */
    public float sigmaToT(float sigma) {
        float logSigma = (float) StrictMath.log(sigma);
        // the last table entry at or below sigma (0 when none is), so that [low, low + 1] brackets it
        int low = 0;
        for (int t = 0; t < logSigmas.length; t++) {
            if (logSigma - logSigmas[t] >= 0f) {
                low = t;
            }
        }
        low = Math.min(low, logSigmas.length - 2);
        int high = low + 1;
        float weight = (logSigmas[low] - logSigma) / (logSigmas[low] - logSigmas[high]);
        weight = Math.max(0f, Math.min(1f, weight));
        return (1f - weight) * low + weight * high;
    }

    /**
     * k-diffusion {@code sigma_to_t(sigma, quantize=True)}: the timestep whose sigma is nearest in log sigma
     * (the lower one on a tie).
     */
    public int sigmaToNearestT(float sigma) {
        float logSigma = (float) StrictMath.log(sigma);
        int nearest = 0;
        float nearestDistance = Float.POSITIVE_INFINITY;
        for (int t = 0; t < logSigmas.length; t++) {
            float distance = Math.abs(logSigma - logSigmas[t]);
            if (distance < nearestDistance) {
                nearest = t;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    /** k-diffusion {@code t_to_sigma}: {@code t} is a fractional timestep in [0, 999]. */
    public float tToSigma(float t) {
        if (!(t >= 0f && t <= lastTimestep())) {
            throw new IllegalArgumentException("t must lie in [0, " + lastTimestep() + "], got " + t);
        }
        int low = (int) Math.floor(t);
        int high = (int) Math.ceil(t);
        float weight = t - low;
        float logSigma = (1f - weight) * logSigmas[low] + weight * logSigmas[high];
        return (float) StrictMath.exp(logSigma);
    }

    /** InvokeAI 2.2.5 DDIM/PLMS timesteps for {@code steps}: {@code arange(steps) * (1000 // steps) + 1}, ascending. */
    public int[] ddimTimesteps(int steps) {
        requirePositive(steps);
        int trainSteps = alphasCumprod.length;
        int stride = Math.max(1, trainSteps / steps);
        if ((steps - 1) * stride + 1 >= trainSteps) {
            throw new IllegalArgumentException(
                    "DDIM/PLMS take at most " + (trainSteps - 1) + " steps on a " + trainSteps + "-step schedule, got "
                            + steps);
        }
        int[] timesteps = new int[steps];
        Arrays.setAll(timesteps, k -> k * stride + 1);
        return timesteps;
    }

    private float lastTimestep() {
        return sigmas.length - 1;
    }

    private static void requirePositive(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }
}
