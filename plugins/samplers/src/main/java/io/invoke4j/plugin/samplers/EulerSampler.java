package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_euler}: k-diffusion's {@code sample_euler} without churn (Karras et al. 2022, algorithm 2 with Euler
 * steps). One model call per step.
 */
@Extension
public final class EulerSampler implements Sampler {

    @Override
    public String name() {
        return "k_euler";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        Latents denoised = Latents.zerosLike(x);
        Latents d = Latents.zerosLike(x);
        Latents unusedNoise = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            // sample_euler draws its churn noise every step, though it only adds it when s_churn > 0
            context.randnLike(unusedNoise);
            model.denoise(x, sigmas[i], denoised);
            d.setDerivative(x, denoised, sigmas[i]);
            x.addScaled(d, sigmas[i + 1] - sigmas[i]);
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
