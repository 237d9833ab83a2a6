package io.invoke4j.plugin.samplers;

import static io.invoke4j.plugin.samplers.DpmSolverPlusPlus.t;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_dpmpp_2_a}: k-diffusion's {@code sample_dpmpp_2s_ancestral} with eta 1: a DPM-Solver++(2S)
 * single-step second-order step (through the midpoint in {@code t = -log sigma}) down to the
 * {@link AncestralStep} sigma_down, then fresh noise of sigma_up; the last step, to sigma 0, is a plain Euler
 * step without noise. Two model calls per step, one on the last.
 */
@Extension
public final class DpmPlusPlus2SAncestralSampler implements Sampler {
    /** Where the intermediate time lies between t and t_next. */
    private static final float R = 0.5f;

    @Override
    public String name() {
        return "k_dpmpp_2_a";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents xMid = Latents.zerosLike(x);
        Latents denoisedMid = Latents.zerosLike(x);
        Latents noise = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            model.denoise(x, sigma, denoised);
            float sigmaUp = AncestralStep.sigmaUp(sigma, sigmaNext);
            float sigmaDown = AncestralStep.sigmaDown(sigmaNext, sigmaUp);
            if (sigmaDown == 0) {
                d.setDerivative(x, denoised, sigma);
                x.addScaled(d, sigmaDown - sigma);
            } else {
                float t = t(sigma);
                float tNext = t(sigmaDown);
                float h = tNext - t;
                float s = t + R * h;
                DpmSolverPlusPlus.update(xMid, x, t, s, -h * R, denoised);
                model.denoise(xMid, DpmSolverPlusPlus.sigma(s), denoisedMid);
                DpmSolverPlusPlus.update(x, x, t, tNext, -h, denoisedMid);
            }
            if (sigmaNext > 0) {
                context.randnLike(noise);
                x.addScaled(noise, sigmaUp);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
