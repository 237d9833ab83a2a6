package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_dpm_2}: k-diffusion's {@code sample_dpm_2} without churn: a {@link Dpm2MidpointStep} per step; the
 * last step, to sigma 0, is a plain Euler step. Two model calls per step, one on the last.
 */
@Extension
public final class Dpm2Sampler implements Sampler {

    @Override
    public String name() {
        return "k_dpm_2";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents unusedNoise = Latents.zerosLike(x);
        Dpm2MidpointStep midpointStep = new Dpm2MidpointStep(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            // sample_dpm_2 draws its churn noise every step, though it only adds it when s_churn > 0
            context.randnLike(unusedNoise);
            model.denoise(x, sigma, denoised);
            d.setDerivative(x, denoised, sigma);
            if (sigmaNext == 0) {
                x.addScaled(d, sigmaNext - sigma);
            } else {
                midpointStep.apply(model, x, d, sigma, sigmaNext);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
