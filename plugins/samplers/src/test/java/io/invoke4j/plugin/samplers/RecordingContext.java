package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Latents;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.host.noise.TorchGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SamplerContext} as the reference runs had it: noise from torch's CPU generator seeded 123 right
 * before the sampler ran, drawn in the order the sampler asks. Records every draw and every step.
 */
final class RecordingContext implements SamplerContext {
    /** {@code torch.manual_seed(123)} before every reference sampler call. */
    static final long NOISE_SEED = 123;

    /** What {@link #stepDone} saw, copied. */
    record StepRecord(float[] x, float[] denoised) {
    }

    private final TorchGenerator generator = new TorchGenerator(NOISE_SEED);
    private final float[] alphasCumprod;
    private final int[] timesteps;
    private final List<float[]> draws = new ArrayList<>();
    private final List<StepRecord> steps = new ArrayList<>();

    private RecordingContext(float[] alphasCumprod, int[] timesteps) {
        this.alphasCumprod = alphasCumprod;
        this.timesteps = timesteps;
    }

    /** For sigma samplers: no timesteps. */
    static RecordingContext forSigmas(float[] alphasCumprod) {
        return new RecordingContext(alphasCumprod, new int[0]);
    }

    /** For timestep samplers walking {@code timesteps}, highest first. */
    static RecordingContext forTimesteps(float[] alphasCumprod, int[] timesteps) {
        return new RecordingContext(alphasCumprod, timesteps);
    }

    @Override
    public void randnLike(Latents out) {
        generator.randn(out.data());
        draws.add(Arrays.copyOf(out.data(), 8));
    }

    @Override
    public void stepDone(int step, Latents x, Latents denoised) {
        assertEquals(steps.size(), step, "steps are reported in order, from 0");
        steps.add(new StepRecord(x.data().clone(), denoised.data().clone()));
    }

    @Override
    public float[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    @Override
    public int[] timesteps() {
        return timesteps.clone();
    }

    /** The first 8 values of every noise draw, in order. */
    List<float[]> draws() {
        return draws;
    }

    /** Every reported step, in order. */
    List<StepRecord> steps() {
        return steps;
    }
}
