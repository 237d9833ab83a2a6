package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_dpm_2_a}: k-diffusion's {@code sample_dpm_2_ancestral} with eta 1: a {@link Dpm2MidpointStep} down
 * to the {@link AncestralStep} sigma_down, then fresh noise of sigma_up; the last step, to sigma 0, is a plain
 * Euler step without noise. Two model calls per step, one on the last.
 */
@Extension
public final class Dpm2AncestralSampler implements Sampler {

    @Override
    public String name() {
        return "k_dpm_2_a";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents noise = Latents.zerosLike(x);
        Dpm2MidpointStep midpointStep = new Dpm2MidpointStep(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            model.denoise(x, sigma, denoised);
            float sigmaUp = AncestralStep.sigmaUp(sigma, sigmaNext);
            float sigmaDown = AncestralStep.sigmaDown(sigmaNext, sigmaUp);
            d.setDerivative(x, denoised, sigma);
            if (sigmaDown == 0) {
                x.addScaled(d, sigmaDown - sigma);
            } else {
                midpointStep.apply(model, x, d, sigma, sigmaDown);
                context.randnLike(noise);
                x.addScaled(noise, sigmaUp);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
