package io.invoke4j.plugin.samplers;

import static io.invoke4j.plugin.samplers.TraceAssertions.assertModelCallSigma;
import static io.invoke4j.plugin.samplers.TraceAssertions.assertWithinTraceTolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.plugin.samplers.ReferenceTraces.KDiffusionRun;
import io.invoke4j.plugin.samplers.RecordingContext.StepRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indexed k-sampler, {@code _karras} twins included, against k-diffusion's trace of the same function on
 * the toy denoiser, for both schedules: per-step and final samples, the denoised estimate reported per step,
 * every model-call sigma, and every {@code randn_like} draw.
 */
class KDiffusionTraceTest {
    private static final ReferenceTraces TRACES = ReferenceTraces.get();
    private static final List<String> SCHEDULES = List.of("get_sigmas_10", "karras_10");
    /** InvokeAI's sampler names and the k-diffusion functions behind them. */
    private static final Map<String, String> FUNCTIONS = Map.of(
            "k_lms", "sample_lms",
            "k_euler", "sample_euler",
            "k_euler_a", "sample_euler_ancestral",
            "k_heun", "sample_heun",
            "k_dpm_2", "sample_dpm_2",
            "k_dpm_2_a", "sample_dpm_2_ancestral",
            "k_dpmpp_2", "sample_dpmpp_2m",
            "k_dpmpp_2_a", "sample_dpmpp_2s_ancestral",
            "k_dpmpp_sde", "sample_dpmpp_sde");

    static Stream<Arguments> samplersAndSchedules() {
        return SamplerIndex.samplers().stream()
                .filter(sampler -> sampler.scheduleKind() != ScheduleKind.TIMESTEPS)
                .flatMap(sampler -> SCHEDULES.stream().map(schedule -> Arguments.of(sampler.name(), schedule)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samplersAndSchedules")
    void followsTheKDiffusionTrace(String samplerName, String schedule) {
        Sampler sampler = SamplerIndex.byName(samplerName).orElseThrow();
        String function = FUNCTIONS.get(samplerName.replaceFirst("_karras$", ""));
        assertNotNull(function, "no k-diffusion trace named for " + samplerName);
        KDiffusionRun reference = TRACES.kDiffusionRun(schedule, function);
        float[] sigmas = TRACES.sigmas(schedule);
        Latents x = new Latents(TRACES.startNoise(), ReferenceTraces.SHAPE).scale(sigmas[0]);
        ToyModel model = new ToyModel();
        RecordingContext context = RecordingContext.forSigmas(TRACES.alphasCumprod());

        Latents result = sampler.sample(model, x, sigmas, context);

        float[] callSigmas = model.denoiseSigmas();
        assertEquals(reference.modelCallSigmas().length, callSigmas.length, "model calls");
        for (int i = 0; i < callSigmas.length; i++) {
            assertModelCallSigma(sigmas, reference.modelCallSigmas()[i], callSigmas[i], "model call " + i);
        }
        assertEquals(reference.randnLikeCalls(), context.draws().size(), "randn_like calls");
        for (int i = 0; i < reference.noiseFirst8PerDraw().length; i++) {
            assertArrayEquals(reference.noiseFirst8PerDraw()[i], context.draws().get(i),
                    "noise draw " + i + " (first 8 values, bit for bit)");
        }
        List<ReferenceTraces.Step> steps = reference.steps();
        assertEquals(steps.size(), context.steps().size(), "steps reported");
        for (int i = 0; i < steps.size(); i++) {
            StepRecord step = context.steps().get(i);
            assertWithinTraceTolerance(steps.get(i).denoisedFirst16(), step.denoised(), "denoised at step " + i);
            assertWithinTraceTolerance(steps.get(i).xAfter(), step.x(), "x after step " + i);
        }
        assertArrayEquals(ReferenceTraces.SHAPE, result.shape());
        assertWithinTraceTolerance(reference.finalX(), result.data(), "final x");
    }
}
