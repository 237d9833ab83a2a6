package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;

/**
 * The {@code _karras} twin of a k-sampler: the same steps, named {@code <name>_karras}, on Karras sigmas
 * whatever the step count ({@link ScheduleKind#KARRAS_SIGMAS}) where the plain name switches to the model's
 * own sigmas from {@code --karras_max} steps on. A subclass only names the sampler it wraps.
 */
public abstract class KarrasVariant implements Sampler {
    private final Sampler sampler;

    /** Wraps {@code sampler}, a sigma sampler. */
    protected KarrasVariant(Sampler sampler) {
        if (sampler.scheduleKind() != ScheduleKind.SIGMAS) {
            throw new IllegalArgumentException(sampler.name() + " does not walk sigmas");
        }
        this.sampler = sampler;
    }

    @Override
    public final String name() {
        return sampler.name() + "_karras";
    }

    @Override
    public final ScheduleKind scheduleKind() {
        return ScheduleKind.KARRAS_SIGMAS;
    }

    @Override
    public final Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
        return sampler.sample(model, x, sigmas, context);
    }
}
