package com.example.sampler;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * The explicit midpoint method (second-order Runge-Kutta) on the probability-flow ODE: each step takes a half
 * Euler step to the arithmetic mean of the two noise levels, and the full step with the slope found there.
 * Two model calls per step, one on the last (a plain Euler step down to sigma 0).
 */
@Extension
public final class MidpointSampler implements Sampler {

    @Override
    public String name() {
        return "k_midpoint";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents half = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float next = sigmas[i + 1];
            model.denoise(x, sigma, denoised);
            d.setDerivative(x, denoised, sigma);
            if (next == 0) {
                x.addScaled(d, next - sigma);
            } else {
                float mid = (sigma + next) / 2;
                half.set(x).addScaled(d, mid - sigma);
                model.denoise(half, mid, denoised);
                d.setDerivative(half, denoised, mid);
                x.addScaled(d, next - sigma);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
