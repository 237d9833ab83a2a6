package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;
import org.pf4j.Extension;

/**
 * {@code ddim}: InvokeAI 2.2.5's {@code DDIMSampler} with eta 0 ({@code ddim.py} {@code p_sample_ddim}), one
 * noise prediction and one {@link DdimUpdate} per timestep, highest first. Reports {@code pred_x0} as the
 * step's denoised estimate.
 */
@Extension
public final class DdimSampler implements Sampler {

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public ScheduleKind scheduleKind() {
        return ScheduleKind.TIMESTEPS;
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        int[] timesteps = context.timesteps();
        Latents eps = Latents.zerosLike(x);
        DdimUpdate ddim = new DdimUpdate(context, x);
        for (int i = 0; i < timesteps.length; i++) {
            model.predictNoise(x, timesteps[i], eps);
            ddim.apply(i, x, eps, x);
            context.stepDone(i, x, ddim.predictedOriginal());
        }
        return x;
    }
}
