package io.invoke4j.plugin.samplers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference runs of {@code refs/sampler_traces.json} (k-diffusion and InvokeAI 2.2.5 on toy models, see
 * shared/refs/README.md) and the schedule the DDIM/PLMS runs used ({@code refs/ddim_plms_schedule.json}).
 *
 * <p>Numbers are read as exact decimals and then parsed with {@link Float#parseFloat}, which gives the float32
 * torch held; going through a double first could round differently.
 */
final class ReferenceTraces {
    /** The latents shape of every trace. */
    static final int[] SHAPE = {1, 4, 8, 8};

    private static final ReferenceTraces INSTANCE = new ReferenceTraces();

    private final JsonNode kDiffusion;
    private final JsonNode invokeAi;
    private final JsonNode ddimSchedule;

    private ReferenceTraces() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode traces = read(mapper, "/refs/sampler_traces.json");
        kDiffusion = traces.get("k_diffusion");
        invokeAi = traces.get("invokeai_ddim_plms");
        ddimSchedule = read(mapper, "/refs/ddim_plms_schedule.json");
    }

    static ReferenceTraces get() {
        return INSTANCE;
    }

    /** One step of a reference run. */
    record Step(float[] xAfter, float[] denoisedFirst16, double[] lmsCoefficients) {
    }

    /** A k-diffusion sampler's reference run on one schedule. */
    record KDiffusionRun(float[] modelCallSigmas, int randnLikeCalls, float[][] noiseFirst8PerDraw,
            List<Step> steps, float[] finalX) {
    }

    /** An InvokeAI DDIM or PLMS reference run. */
    record TimestepRun(int[] modelCallTimesteps, int randnCalls, List<Step> steps, float[] finalX) {
    }

    /** {@code torch.manual_seed(7); torch.randn(1, 4, 8, 8)}: the start noise of every run. */
    float[] startNoise() {
        return floats(kDiffusion.get("noise_seed7_1x4x8x8"));
    }

    /** The sigmas of a schedule, {@code get_sigmas_10} or {@code karras_10}. */
    float[] sigmas(String schedule) {
        return floats(required(kDiffusion.get("schedules"), schedule));
    }

    /** The run of k-diffusion's {@code function} ({@code sample_euler}, ...) on {@code schedule}. */
    KDiffusionRun kDiffusionRun(String schedule, String function) {
        JsonNode run = required(required(kDiffusion.get("runs"), schedule), function);
        JsonNode draws = run.get("noise_first8_per_draw");
        float[][] noise = new float[draws.size()][];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = floats(draws.get(i));
        }
        return new KDiffusionRun(floats(run.get("model_call_sigmas")), run.get("randn_like_calls").intValue(),
                noise, steps(run.get("steps")), floats(run.get("final_x")));
    }

    /** The run of InvokeAI's {@code ddim} or {@code plms}. */
    TimestepRun timestepRun(String sampler) {
        JsonNode run = required(invokeAi, sampler);
        return new TimestepRun(ints(run.get("model_call_timesteps")), run.get("randn_calls").intValue(),
                steps(run.get("steps")), floats(run.get("final_x")));
    }

    /** SD 1.x {@code alphas_cumprod}, float32. */
    float[] alphasCumprod() {
        return floats(ddimSchedule.get("alphas_cumprod"));
    }

    /** The 10-step DDIM/PLMS timesteps, highest first, as the samplers walk them. */
    int[] timestepsHighestFirst() {
        int[] ascending = ints(ddimSchedule.get("ddim_timesteps_10"));
        int[] descending = new int[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }
        return descending;
    }

    private static List<Step> steps(JsonNode steps) {
        List<Step> result = new ArrayList<>();
        for (JsonNode step : steps) {
            JsonNode denoised = step.get("denoised_first16");
            JsonNode coefficients = step.get("lms_coeffs");
            result.add(new Step(floats(step.get("x_after")), denoised == null ? null : floats(denoised),
                    coefficients == null ? null : doubles(coefficients)));
        }
        return result;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(array.get(i).asText());
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(array.get(i).asText());
        }
        return values;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).intValue();
        }
        return values;
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new IllegalArgumentException("no '" + field + "' in the reference data");
        }
        return node;
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ReferenceTraces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
