package io.invoke4j.plugin.samplers;

import static io.invoke4j.plugin.samplers.TraceAssertions.assertWithinTraceTolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.plugin.samplers.ReferenceTraces.TimestepRun;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ddim} and {@code plms} against InvokeAI 2.2.5's DDIMSampler and PLMSSampler on the toy noise model,
 * 10 steps (timesteps 901 down to 1): per-step and final samples, every model-call timestep, and the number of
 * {@code randn} draws.
 */
class DdimPlmsTraceTest {
    private static final ReferenceTraces TRACES = ReferenceTraces.get();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ddim", "plms"})
    void followsTheInvokeAiTrace(String samplerName) {
        Sampler sampler = SamplerIndex.byName(samplerName).orElseThrow();
        assertEquals(ScheduleKind.TIMESTEPS, sampler.scheduleKind());
        TimestepRun reference = TRACES.timestepRun(samplerName);
        float[] alphasCumprod = TRACES.alphasCumprod();
        int[] timesteps = TRACES.timestepsHighestFirst();
        Latents x = new Latents(TRACES.startNoise(), ReferenceTraces.SHAPE);
        ToyModel model = new ToyModel();
        RecordingContext context = RecordingContext.forTimesteps(alphasCumprod, timesteps);

        Latents result = sampler.sample(model, x, sigmasOf(timesteps, alphasCumprod), context);

        assertArrayEquals(reference.modelCallTimesteps(), model.noiseTimesteps(), "model-call timesteps");
        assertEquals(reference.randnCalls(), context.draws().size(), "randn calls");
        List<ReferenceTraces.Step> steps = reference.steps();
        assertEquals(steps.size(), context.steps().size(), "steps reported");
        for (int i = 0; i < steps.size(); i++) {
            assertWithinTraceTolerance(steps.get(i).xAfter(), context.steps().get(i).x(), "x after step " + i);
        }
        assertWithinTraceTolerance(reference.finalX(), result.data(), "final x");
    }

    @org.junit.jupiter.api.Test
    void plmsWithoutHistoryTakesTheTwoCallFirstStepEveryStepAsInvokeAisImg2ImgLoop() {
        Sampler plms = SamplerIndex.byName("plms").orElseThrow();
        float[] alphasCumprod = TRACES.alphasCumprod();
        int[] timesteps = TRACES.timestepsHighestFirst();
        RecordingContext recording = RecordingContext.forTimesteps(alphasCumprod, timesteps);
        io.invoke4j.api.SamplerContext noHistory = new io.invoke4j.api.SamplerContext() {
            @Override
            public void randnLike(Latents out) {
                recording.randnLike(out);
            }

            @Override
            public void stepDone(int step, Latents x, Latents denoised) {
                recording.stepDone(step, x, denoised);
            }

            @Override
            public float[] alphasCumprod() {
                return recording.alphasCumprod();
            }

            @Override
            public int[] timesteps() {
                return recording.timesteps();
            }

            @Override
            public boolean keepsHistory() {
                return false;
            }
        };
        ToyModel model = new ToyModel();
        plms.sample(model, new Latents(TRACES.startNoise(), ReferenceTraces.SHAPE), sigmasOf(timesteps, alphasCumprod),
                noHistory);

        int[] expected = new int[2 * timesteps.length];
        for (int i = 0; i < timesteps.length; i++) {
            expected[2 * i] = timesteps[i];
            expected[2 * i + 1] = timesteps[Math.min(i + 1, timesteps.length - 1)];
        }
        assertArrayEquals(expected, model.noiseTimesteps(), "two model calls on every step");
        assertEquals(2 * timesteps.length, recording.draws().size(), "a draw per DDIM-formula evaluation");
        // the first step is the same in both loops
        assertWithinTraceTolerance(TRACES.timestepRun("plms").steps().get(0).xAfter(), recording.steps().get(0).x(),
                "x after step 0");
    }

    /** What the host passes a timestep sampler: the sigma of each timestep, then 0 (DDIM and PLMS ignore it). */
    private static float[] sigmasOf(int[] timesteps, float[] alphasCumprod) {
        float[] sigmas = new float[timesteps.length + 1];
        for (int i = 0; i < timesteps.length; i++) {
            float alpha = alphasCumprod[timesteps[i]];
            sigmas[i] = (float) Math.sqrt((1f - alpha) / alpha);
        }
        return sigmas;
    }
}
