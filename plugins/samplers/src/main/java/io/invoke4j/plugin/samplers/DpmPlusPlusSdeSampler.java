package io.invoke4j.plugin.samplers;

import static io.invoke4j.plugin.samplers.DpmSolverPlusPlus.sigma;
import static io.invoke4j.plugin.samplers.DpmSolverPlusPlus.t;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_dpmpp_sde}: k-diffusion's {@code sample_dpmpp_sde} with eta 1 and r 1/2, DPM-Solver++ (stochastic):
 * two ancestral DPM-Solver++ sub-steps per step, each followed by fresh noise; the last step, to sigma 0, is a
 * plain Euler step. Two model calls and two noise draws per step, one call and no draw on the last.
 *
 * <p>Its noise is {@code randn_like(x)} ({@code noise_sampler=default_noise_sampler(x)}), not k-diffusion's
 * default Brownian-tree noise, which needs torchsde: the same sampler, but not the same images as a
 * k-diffusion run with its defaults. InvokeAI 2.2.5 does not offer this sampler.
 */
@Extension
public final class DpmPlusPlusSdeSampler implements Sampler {
    /** Where the intermediate time lies between t and t_next. */
    private static final float R = 0.5f;
    /** {@code fac = 1 / (2 * r)}, the weight of the intermediate denoised estimate. */
    private static final float FAC = 1f / (2 * R);

    @Override
    public String name() {
        return "k_dpmpp_sde";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents xMid = Latents.zerosLike(x);
        Latents denoisedMid = Latents.zerosLike(x);
        Latents denoisedCombined = Latents.zerosLike(x);
        Latents noise = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            float sigma = sigmas[i];
            float sigmaNext = sigmas[i + 1];
            model.denoise(x, sigma, denoised);
            if (sigmaNext == 0) {
                d.setDerivative(x, denoised, sigma);
                x.addScaled(d, sigmaNext - sigma);
            } else {
                float t = t(sigma);
                float tNext = t(sigmaNext);
                float h = tNext - t;
                float s = t + h * R;

                // step 1: to the intermediate time s
                float sigmaUp = AncestralStep.sigmaUp(sigma(t), sigma(s));
                float sDown = t(AncestralStep.sigmaDown(sigma(s), sigmaUp));
                DpmSolverPlusPlus.update(xMid, x, t, sDown, t - sDown, denoised);
                context.randnLike(noise);
                xMid.addScaled(noise, sigmaUp);
                model.denoise(xMid, sigma(s), denoisedMid);

                // step 2: to t_next
                sigmaUp = AncestralStep.sigmaUp(sigma(t), sigma(tNext));
                float tNextDown = t(AncestralStep.sigmaDown(sigma(tNext), sigmaUp));
                denoisedCombined.setLinear(1 - FAC, denoised, FAC, denoisedMid);
                DpmSolverPlusPlus.update(x, x, t, tNextDown, t - tNextDown, denoisedCombined);
                context.randnLike(noise);
                x.addScaled(noise, sigmaUp);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
