package io.invoke4j.plugin.samplers;

import static io.invoke4j.plugin.samplers.DpmSolverPlusPlus.t;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_dpmpp_2}: k-diffusion's {@code sample_dpmpp_2m}, DPM-Solver++(2M): a multistep second-order solver
 * that extrapolates the denoised estimate from the current and the previous step; the first step and the last
 * (to sigma 0) are first order. One model call per step, no noise.
 */
@Extension
public final class DpmPlusPlus2MSampler implements Sampler {

    @Override
    public String name() {
        return "k_dpmpp_2";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        LatentsHistory denoisedHistory = new LatentsHistory(2, x);
        Latents denoisedExtrapolated = Latents.zerosLike(x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            Latents denoised = denoisedHistory.push();
            model.denoise(x, sigmas[i], denoised);
            float t = t(sigmas[i]);
            float tNext = t(sigmas[i + 1]);
            float h = tNext - t;
            boolean firstStep = denoisedHistory.size() == 1; // old_denoised is None
            if (firstStep || sigmas[i + 1] == 0) {
                DpmSolverPlusPlus.update(x, x, t, tNext, -h, denoised);
            } else {
                float hLast = t - t(sigmas[i - 1]);
                float r = hLast / h;
                float oldWeight = 1f / (2 * r);
                denoisedExtrapolated.setLinear(1 + oldWeight, denoised, -oldWeight, denoisedHistory.get(1));
                DpmSolverPlusPlus.update(x, x, t, tNext, -h, denoisedExtrapolated);
            }
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
