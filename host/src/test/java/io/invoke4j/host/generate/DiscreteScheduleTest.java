package io.invoke4j.host.generate;

import static io.invoke4j.host.testing.ReferenceJson.floats;
import static io.invoke4j.host.testing.ReferenceJson.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DiscreteSchedule} against k-diffusion / InvokeAI 2.2.5 on torch 1.13 ({@code refs/sigmas.json}).
 * Tolerances are the README's: exact for the tables and timesteps, 1e-6 relative for what goes through torch's
 * float log/exp.
 */
class DiscreteScheduleTest {

    private static final JsonNode REFS = ReferenceJson.load("sigmas.json");
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** InvokeAI's STEP_THRESHOLD: karras below 30 steps. */
    private static final int INVOKEAI_KARRAS_MAX = 30;

    private final DiscreteSchedule schedule = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);

    @Test
    void alphasCumprodAndSigmaTableAreExact() {
        JsonNode expected = REFS.get("schedule");
        float[] sigmas = schedule.sigmas();

        assertArrayEquals(floats(expected.get("alphas_cumprod")), schedule.alphasCumprod());
        assertArrayEquals(floats(expected.get("sigmas")), sigmas);
        assertEquals(expected.get("sigma_min").doubleValue(), sigmas[0]);
        assertEquals(expected.get("sigma_max").doubleValue(), sigmas[999]);
    }

    @Test
    void modelSigmasInterpolateInLogSigma() {
        for (Map.Entry<String, JsonNode> byN : entries(REFS.get("get_sigmas").get("by_n"))) {
            int n = Integer.parseInt(byN.getKey());
            assertClose(floats(byN.getValue()), schedule.modelSigmas(n), "get_sigmas(" + n + ")");
        }
    }

    @Test
    void karrasSigmasMatchKDiffusion() {
        for (Map.Entry<String, JsonNode> byN : entries(REFS.get("karras").get("by_n"))) {
            int n = Integer.parseInt(byN.getKey());
            assertClose(floats(byN.getValue()), schedule.karrasSigmas(n), "karras(" + n + ")");
        }
    }

    @Test
    void karrasSigmasAreEvenBitExact() {
        // stricter than the README asks: no log/exp is involved, so matching torch's linspace rounding and float
        // arithmetic lands on its bits (a textbook linspace is off by up to 7e-7 relative here)
        for (Map.Entry<String, JsonNode> byN : entries(REFS.get("karras").get("by_n"))) {
            int n = Integer.parseInt(byN.getKey());
            assertArrayEquals(floats(byN.getValue()), schedule.karrasSigmas(n), "karras(" + n + ")");
        }
    }

    @Test
    void invokeAiUsesKarrasBelowThirtyStepsAndTheModelScheduleFromThirty() {
        for (Map.Entry<String, JsonNode> bySteps : entries(REFS.get("invokeai_ksampler").get("by_steps"))) {
            int steps = Integer.parseInt(bySteps.getKey());
            assertClose(floats(bySteps.getValue().get("sigmas")), schedule.invokeAiSigmas(steps, INVOKEAI_KARRAS_MAX),
                    "InvokeAI " + steps + " steps (" + bySteps.getValue().get("schedule").asText() + ")");
        }
    }

    @Test
    void sigmaToTInterpolatesAndClampsToTheTable() {
        JsonNode expected = REFS.get("sigma_to_t");
        float[] sigmas = floats(expected.get("sigma"));
        float[] ts = new float[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            ts[i] = schedule.sigmaToT(sigmas[i]);
        }
        assertClose(floats(expected.get("t")), ts, "sigma_to_t");
    }

    @Test
    void quantizedSigmaToTPicksTheNearestTimestep() {
        JsonNode expected = REFS.get("sigma_to_t");
        float[] sigmas = floats(expected.get("sigma"));
        int[] ts = new int[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            ts[i] = schedule.sigmaToNearestT(sigmas[i]);
        }
        assertArrayEquals(ints(expected.get("quantized_t")), ts);
    }

    @Test
    void tToSigmaInterpolatesInLogSigma() {
        JsonNode expected = REFS.get("t_to_sigma");
        float[] ts = floats(expected.get("t"));
        float[] sigmas = new float[ts.length];
        for (int i = 0; i < ts.length; i++) {
            sigmas[i] = schedule.tToSigma(ts[i]);
        }
        assertClose(floats(expected.get("sigma")), sigmas, "t_to_sigma");
    }

    @Test
    void ddimTimestepsAndTheirAlphasAreInvokeAis() {
        float[] alphasCumprod = schedule.alphasCumprod();
        for (Map.Entry<String, JsonNode> bySteps : entries(REFS.get("invokeai_ddim_plms").get("by_steps"))) {
            int steps = Integer.parseInt(bySteps.getKey());
            JsonNode expected = bySteps.getValue();

            int[] timesteps = schedule.ddimTimesteps(steps);

            assertArrayEquals(ints(expected.get("ddim_timesteps")), timesteps, steps + " steps");
            float[] alphas = new float[steps];
            float[] alphasPrev = new float[steps];
            for (int k = 0; k < steps; k++) {
                alphas[k] = alphasCumprod[timesteps[k]];
                alphasPrev[k] = alphasCumprod[k == 0 ? 0 : timesteps[k - 1]];
            }
            assertArrayEquals(floats(expected.get("ddim_alphas")), alphas, steps + " steps");
            assertArrayEquals(floats(expected.get("ddim_alphas_prev")), alphasPrev, steps + " steps");
        }
    }

    @Test
    void impossibleRequestsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> schedule.modelSigmas(0));
        assertThrows(IllegalArgumentException.class, () -> schedule.karrasSigmas(0));
        assertThrows(IllegalArgumentException.class, () -> schedule.ddimTimesteps(0));
        // 1000 steps would need timestep 1000 of a 0..999 table
        assertThrows(IllegalArgumentException.class, () -> schedule.ddimTimesteps(1000));
        assertThrows(IllegalArgumentException.class, () -> schedule.tToSigma(999.5f));
        assertThrows(IllegalArgumentException.class, () -> schedule.tToSigma(-0.5f));
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double allowed = RELATIVE_TOLERANCE * Math.abs(expected[i]);
            assertTrue(Math.abs(actual[i] - expected[i]) <= allowed,
                    what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        return object.properties();
    }
}
