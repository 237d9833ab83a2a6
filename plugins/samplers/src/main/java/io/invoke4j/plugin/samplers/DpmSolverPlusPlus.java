package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Latents;

/**
 * The pieces k-diffusion's DPM-Solver++ samplers ({@code sample_dpmpp_2m}, {@code sample_dpmpp_2s_ancestral},
 * {@code sample_dpmpp_sde}) share: the time variable {@code t = -log(sigma)} ({@code t_fn}), its inverse
 * ({@code sigma_fn}) and the first-order data-prediction update between two times.
 */
final class DpmSolverPlusPlus {

    private DpmSolverPlusPlus() {
    }

    /** {@code t_fn(sigma) = sigma.log().neg()}; infinite for sigma 0. */
    static float t(float sigma) {
        return -FloatMath.log(sigma);
    }

    /** {@code sigma_fn(t) = t.neg().exp()}; 0 for an infinite t. */
    static float sigma(float t) {
        return FloatMath.exp(-t);
    }

    /**
     * {@code out = (sigma_fn(tTo) / sigma_fn(tFrom)) * x - expm1(expm1Argument) * denoised}. The callers
     * pass the argument of {@code expm1} as their k-diffusion function writes it ({@code -h}, {@code -h * r},
     * {@code t - s_}), since those differ in the last bit. {@code out} may be {@code x}.
     */
    static void update(Latents out, Latents x, float tFrom, float tTo, float expm1Argument, Latents denoised) {
        float ratio = sigma(tTo) / sigma(tFrom);
        out.setLinear(ratio, x, -FloatMath.expm1(expm1Argument), denoised);
    }
}
