package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link CfgThreshold}: InvokeAI's {@code cfg_apply_threshold} and its {@code CFGDenoiser} warm-up. */
class CfgThresholdTest {

    @Test
    void theBoundRampsUpPerModelCallOverTheWarmUp() {
        // 10 steps: warmup_max = max(8, 0) = 8, the counter starts at max(0.8, 1) = 1
        CfgThreshold threshold = new CfgThreshold(5, 10);
        double[] bounds = new double[10];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = threshold.nextBound();
        }
        assertArrayEquals(new double[] {1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5, 5}, bounds, 1e-12);
    }

    @Test
    void longRunsWarmUpOverAllButTenSteps() {
        // 100 steps: warmup_max = max(80, 90) = 90, the counter starts at 9
        CfgThreshold threshold = new CfgThreshold(10, 100);
        assertEquals(1 + 9 * 9 / 90.0, threshold.nextBound(), 1e-12);
        for (int call = 1; call < 81; call++) {
            threshold.nextBound();
        }
        assertEquals(10, threshold.nextBound(), 1e-12);
    }

    @Test
    void aThresholdBelowOneIsNeverRaised() {
        CfgThreshold threshold = new CfgThreshold(0.5, 10);
        assertEquals(0.5, threshold.nextBound(), 1e-12);
    }

    @Test
    void valuesOutsideTheBoundAreClampedAtSevenTenthsOfTheExtremeAtMostTheBound() {
        CfgThreshold threshold = new CfgThreshold(5, 10);
        // first call: bound 1.5; 0.7 * 10 = 7 > 1.5, so both ends go to the bound
        float[] values = {-10, 0.5f, 3, 10, 99};
        threshold.apply(values, 4);
        assertArrayEquals(new float[] {-1.5f, 0.5f, 1.5f, 1.5f, 99}, values, "only the first size values");
    }

    @Test
    void afterTheWarmUpTheMaximumShrinksToSevenTenthsAndAnInsideMinimumStays() {
        CfgThreshold threshold = warmedUp(5, 10);
        float[] values = {6, 0, -2};
        threshold.apply(values, 3);
        // max 6 > 5: clamp at min(max(1, 4.2), 5) = 4.2; min -2 > -5: no lower clamp
        assertArrayEquals(new float[] {4.2f, 0, -2}, values, 1e-6f);
        float[] negative = {-8, 1};
        threshold.apply(negative, 2);
        // min -8 < -5: clamp at max(min(-1, -5.6), -5) = -5; max 1 stays
        assertArrayEquals(new float[] {-5, 1}, negative, 1e-6f);
    }

    @Test
    void aPredictionInsideTheBoundIsLeftAlone() {
        CfgThreshold threshold = warmedUp(5, 10);
        float[] values = {4.9f, -4.9f, 0};
        threshold.apply(values, 3);
        assertArrayEquals(new float[] {4.9f, -4.9f, 0}, values);
    }

    @Test
    void theDenoiserClampsEachGuidedPrediction() {
        java.util.List<java.util.Map<String, io.invoke4j.api.Tensor>> calls = new java.util.ArrayList<>();
        io.invoke4j.api.InferenceSession unet = GuidedDenoiserTest.unet(-1, io.invoke4j.api.DType.FLOAT32, calls);
        int[] shape = {1, 4, 1, 1};
        DiscreteSchedule schedule = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);
        io.invoke4j.api.Latents x = new io.invoke4j.api.Latents(new float[] {400, 0, 0, 0}, shape);
        io.invoke4j.api.Latents plain = io.invoke4j.api.Latents.zerosLike(x);
        new GuidedDenoiser(unet, schedule, GuidedDenoiserTest.hidden(1f), GuidedDenoiserTest.hidden(3f), 7.5f, shape)
                .denoise(x, 2f, plain);
        io.invoke4j.api.Latents clamped = io.invoke4j.api.Latents.zerosLike(x);
        new GuidedDenoiser(unet, schedule, GuidedDenoiserTest.hidden(1f), GuidedDenoiserTest.hidden(3f), 7.5f, shape,
                new CfgThreshold(5, 10)).denoise(x, 2f, clamped);

        float[] expected = plain.data().clone();
        new CfgThreshold(5, 10).apply(expected, 4);
        assertArrayEquals(expected, clamped.data());
        // the toy prediction is about 10.2, -32, -32, -32: outside the first call's bound of 1.5 on both sides
        assertEquals(10.2f, plain.data()[0], 0.1f);
        assertEquals(-32f, plain.data()[1], 0.1f);
        assertArrayEquals(new float[] {1.5f, -1.5f, -1.5f, -1.5f}, clamped.data(), 1e-6f);
    }

    private static CfgThreshold warmedUp(double t, int steps) {
        CfgThreshold threshold = new CfgThreshold(t, steps);
        for (int i = 0; i < 2 * steps; i++) {
            threshold.nextBound();
        }
        return threshold;
    }
}
