package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_euler_a}: k-diffusion's {@code sample_euler_ancestral} with eta 1: an Euler step down to the
 * {@link AncestralStep} sigma_down, then fresh noise of sigma_up, except after the last step. One model call
 * per step.
 */
@Extension
public final class EulerAncestralSampler implements Sampler {

    @Override
    public String name() {
        return "k_euler_a";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents noise = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            model.denoise(x, sigma, denoised);
            float sigmaUp = AncestralStep.sigmaUp(sigma, sigmaNext);
            float sigmaDown = AncestralStep.sigmaDown(sigmaNext, sigmaUp);
            d.setDerivative(x, denoised, sigma);
            x.addScaled(d, sigmaDown - sigma);
            if (sigmaNext > 0) {
                context.randnLike(noise);
                x.addScaled(noise, sigmaUp);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
