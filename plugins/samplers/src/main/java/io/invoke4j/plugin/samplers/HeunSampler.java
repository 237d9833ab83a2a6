package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_heun}: k-diffusion's {@code sample_heun} without churn (Karras et al. 2022, algorithm 2): an Euler
 * predictor, then the mean of the derivatives at both ends; the last step, to sigma 0, stays a plain Euler
 * step. Two model calls per step, one on the last.
 */
@Extension
public final class HeunSampler implements Sampler {

    @Override
    public String name() {
        return "k_heun";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents xNext = Latents.zerosLike(x);
        Latents denoisedNext = Latents.zerosLike(x);
        Latents dNext = Latents.zerosLike(x);
        Latents unusedNoise = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            // sample_heun draws its churn noise every step, though it only adds it when s_churn > 0
            context.randnLike(unusedNoise);
            model.denoise(x, sigma, denoised);
            d.setDerivative(x, denoised, sigma);
            float dt = sigmaNext - sigma;
            if (sigmaNext == 0) {
                x.addScaled(d, dt);
            } else {
                xNext.setLinear(1f, x, dt, d);
                model.denoise(xNext, sigmaNext, denoisedNext);
                dNext.setDerivative(xNext, denoisedNext, sigmaNext);
                Latents dPrime = dNext.setLinear(1f, d, 1f, dNext).divide(2f);
                x.addScaled(dPrime, dt);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
