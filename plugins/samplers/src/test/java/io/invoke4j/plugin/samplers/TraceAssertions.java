package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparisons shared/refs/README.md prescribes for the sampler traces. */
final class TraceAssertions {

    private TraceAssertions() {
    }

    /** {@code max|actual - expected| <= 1e-5 * max(1, max|expected|)} over the first {@code expected.length} values. */
    static void assertWithinTraceTolerance(float[] expected, float[] actual, String what) {
        assertTrue(actual.length >= expected.length, what + ": " + actual.length + " values, expected "
                + expected.length);
        float maxExpected = 0;
        float maxDifference = 0;
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            maxExpected = Math.max(maxExpected, Math.abs(expected[i]));
            float difference = Math.abs(actual[i] - expected[i]);
            if (!(difference <= maxDifference)) {
                maxDifference = difference;
                worst = i;
            }
        }
        float tolerance = 1e-5f * Math.max(1f, maxExpected);
        float atWorst = maxDifference;
        int index = worst;
        assertTrue(atWorst <= tolerance, () -> what + ": max |diff| " + atWorst + " > " + tolerance + " at ["
                + index + "]: " + actual[index] + " vs " + expected[index]);
    }

    /**
     * A model-call sigma. Sigmas the sampler reads from the schedule must match exactly; sigmas it derives
     * through float32 {@code exp}/{@code log} (midpoints, DPM++ intermediate times) may differ in the last bit,
     * where torch's SLEEF kernels round the other way (see {@link FloatMath}).
     */
    static void assertModelCallSigma(float[] schedule, float expected, float actual, String what) {
        for (float sigma : schedule) {
            if (sigma == expected) {
                assertEquals(expected, actual, 0f, what + " (a schedule sigma)");
                return;
            }
        }
        assertEquals(expected, actual, Math.ulp(expected), what + " (a derived sigma, within 1 ulp)");
    }
}
