package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import org.pf4j.Extension;

/**
 * {@code k_lms}, InvokeAI's default: k-diffusion's {@code sample_lms} with order 4, a linear multistep method
 * on the derivatives of the last four steps (fewer at the start), weighted by
 * {@link LinearMultistepCoefficients}. One model call per step, no noise.
 */
@Extension
public final class LmsSampler implements Sampler {
    private static final int ORDER = 4;

    @Override
    public String name() {
        return "k_lms";
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        float[][] coefficients = LinearMultistepCoefficients.table(sigmas, ORDER);
        Latents denoised = Latents.zerosLike(x);
        Latents update = Latents.zerosLike(x);
        LatentsHistory derivatives = new LatentsHistory(ORDER, x);
        for (int i = 0; i < sigmas.length - 1; i++) {
            model.denoise(x, sigmas[i], denoised);
            derivatives.push().setDerivative(x, denoised, sigmas[i]);
            // x + sum(coeff * d for coeff, d in zip(coeffs, reversed(ds))): the sum first, newest term first
            update.setScaled(derivatives.get(0), coefficients[i][0]);
            for (int j = 1; j < coefficients[i].length; j++) {
                update.addScaled(derivatives.get(j), coefficients[i][j]);
            }
            x.addScaled(update, 1f);
            context.stepDone(i, x, denoised);
        }
        return x;
    }
}
