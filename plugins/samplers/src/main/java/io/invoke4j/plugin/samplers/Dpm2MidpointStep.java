package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;

/**
 * The DPM-Solver-2 step of k-diffusion's {@code sample_dpm_2} and {@code sample_dpm_2_ancestral}: a half
 * Euler step to the midpoint sigma (the geometric mean, {@code exp(lerp(log sigma, log target, 0.5))}), a
 * second model call there, and the full step with the midpoint's derivative. Owns the buffers of the midpoint.
 */
final class Dpm2MidpointStep {
    private final Latents xMid;
    private final Latents denoisedMid;
    private final Latents dMid;

    Dpm2MidpointStep(Latents like) {
        xMid = Latents.zerosLike(like);
        denoisedMid = Latents.zerosLike(like);
        dMid = Latents.zerosLike(like);
    }

    /** Moves {@code x}, whose derivative at {@code sigma} is {@code d}, to {@code sigmaTarget} in place. */
    void apply(Denoiser model, Latents x, Latents d, float sigma, float sigmaTarget) {
        float sigmaMid = FloatMath.exp(lerpHalf(FloatMath.log(sigma), FloatMath.log(sigmaTarget)));
        xMid.setLinear(1f, x, sigmaMid - sigma, d);
        model.denoise(xMid, sigmaMid, denoisedMid);
        dMid.setDerivative(xMid, denoisedMid, sigmaMid);
        x.addScaled(dMid, sigmaTarget - sigma);
    }

    /** torch's {@code a.lerp(b, 0.5)}: for weights of 0.5 and above it computes {@code b - (b - a) * (1 - w)}. */
    private static float lerpHalf(float a, float b) {
        return b - (b - a) * 0.5f;
    }
}
