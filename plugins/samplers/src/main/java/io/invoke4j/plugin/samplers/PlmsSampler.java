package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;
import org.pf4j.Extension;

/**
 * {@code plms}: InvokeAI 2.2.5's {@code PLMSSampler} ({@code plms.py} {@code p_sample_plms}): a
 * {@link DdimUpdate} with a pseudo linear multistep noise estimate. The first step is a pseudo improved Euler
 * step (the noise predictions at the timestep and, after a trial DDIM update, at the next timestep,
 * averaged: two model calls); later steps use Adams-Bashforth of order 2, 3 and 4 on the raw predictions of
 * the previous steps.
 */
@Extension
public final class PlmsSampler implements Sampler {
    private static final int MAX_ORDER = 4;

    @Override
    public String name() {
        return "plms";
    }

    @Override
    public ScheduleKind scheduleKind() {
        return ScheduleKind.TIMESTEPS;
    }

    @Override
    public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        int[] timesteps = context.timesteps();
        LatentsHistory epsHistory = new LatentsHistory(MAX_ORDER, x);
        Latents epsPrime = Latents.zerosLike(x);
        Latents xTrial = Latents.zerosLike(x);
        Latents epsTrial = Latents.zerosLike(x);
        DdimUpdate ddim = new DdimUpdate(context, x);
        for (int i = 0; i < timesteps.length; i++) {
            if (!context.keepsHistory()) {
                epsHistory.clear(); // InvokeAI's img2img loop: every step is the two-call first step
            }
            Latents eps = epsHistory.push();
            model.predictNoise(x, timesteps[i], eps);
            switch (epsHistory.size()) {
                case 1 -> {
                    // on a one-step schedule the "next" timestep is the same one
                    int nextTimestep = timesteps[Math.min(i + 1, timesteps.length - 1)];
                    ddim.apply(i, x, eps, xTrial);
                    model.predictNoise(xTrial, nextTimestep, epsTrial);
                    epsPrime.setLinear(1f, eps, 1f, epsTrial).divide(2f);
                }
                case 2 -> epsPrime.setLinear(3f, eps, -1f, epsHistory.get(1)).divide(2f);
                case 3 -> epsPrime.setLinear(23f, eps, -16f, epsHistory.get(1))
                        .addScaled(epsHistory.get(2), 5f)
                        .divide(12f);
                default -> epsPrime.setLinear(55f, eps, -59f, epsHistory.get(1))
                        .addScaled(epsHistory.get(2), 37f)
                        .addScaled(epsHistory.get(3), -9f)
                        .divide(24f);
            }
            ddim.apply(i, x, epsPrime, x);
            context.stepDone(i, x, ddim.predictedOriginal());
        }
        return x;
    }
}
