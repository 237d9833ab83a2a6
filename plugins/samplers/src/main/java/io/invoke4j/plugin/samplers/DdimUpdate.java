package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Latents;
import io.invoke4j.api.SamplerContext;

/**
 * InvokeAI 2.2.5's DDIM update with eta 0 ({@code DDIMSampler.p_sample_ddim}, and PLMS's
 * {@code get_x_prev_and_pred_x0}): from the noise prediction {@code eps} at step {@code i},
 * {@code pred_x0 = (x - sqrt(1 - a_t) * eps) / sqrt(a_t)} and
 * {@code x_prev = sqrt(a_prev) * pred_x0 + sqrt(1 - a_prev) * eps}, where {@code a_t} is
 * {@code alphas_cumprod} at the step's timestep and {@code a_prev} at the next (lower) one, or at timestep 0
 * after the last.
 *
 * <p>Each evaluation draws {@code randn(x.shape)} like InvokeAI's {@code noise_like}, though eta 0 multiplies
 * it by zero: the draw advances the seeded generator.
 */
final class DdimUpdate {
    /** DDIM's {@code sigma_t} at eta 0. */
    private static final float SIGMA_T = 0f;

    private final SamplerContext context;
    private final int[] timesteps;
    private final float[] alphasCumprod;
    private final Latents predictedOriginal;
    private final Latents unusedNoise;

    DdimUpdate(SamplerContext context, Latents like) {
        this.context = context;
        this.timesteps = context.timesteps();
        this.alphasCumprod = context.alphasCumprod();
        this.predictedOriginal = Latents.zerosLike(like);
        this.unusedNoise = Latents.zerosLike(like);
    }

    /** Writes the sample after step {@code i} into {@code out}, which may be {@code x}. */
    void apply(int i, Latents x, Latents eps, Latents out) {
        float alpha = alphasCumprod[timesteps[i]];
        float alphaPrev = i + 1 < timesteps.length ? alphasCumprod[timesteps[i + 1]] : alphasCumprod[0];
        float sqrtOneMinusAlpha = FloatMath.sqrt(1f - alpha);
        float directionScale = FloatMath.sqrt(1f - alphaPrev - SIGMA_T * SIGMA_T);

        predictedOriginal.setLinear(1f, x, -sqrtOneMinusAlpha, eps).divide(FloatMath.sqrt(alpha));
        out.setLinear(FloatMath.sqrt(alphaPrev), predictedOriginal, directionScale, eps);
        // + sigma_t * noise: zero, but the draw counts
        context.randnLike(unusedNoise);
    }

    /** The {@code pred_x0} of the last {@link #apply}. */
    Latents predictedOriginal() {
        return predictedOriginal;
    }
}
