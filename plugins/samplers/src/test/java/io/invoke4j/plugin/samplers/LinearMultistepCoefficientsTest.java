package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LMS weights against those scipy's {@code quad} gave k-diffusion in the traces ({@code lms_coeffs}). */
class LinearMultistepCoefficientsTest {
    private static final int ORDER = 4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"get_sigmas_10", "karras_10"})
    void matchScipyQuad(String schedule) {
        ReferenceTraces traces = ReferenceTraces.get();
        float[] sigmas = traces.sigmas(schedule);
        List<ReferenceTraces.Step> steps = traces.kDiffusionRun(schedule, "sample_lms").steps();
        float[][] table = LinearMultistepCoefficients.table(sigmas, ORDER);
        assertEquals(steps.size(), table.length);
        for (int i = 0; i < steps.size(); i++) {
            double[] expected = steps.get(i).lmsCoefficients();
            assertEquals(expected.length, table[i].length, "order at step " + i);
            for (int j = 0; j < expected.length; j++) {
                double coefficient = LinearMultistepCoefficients.coefficient(expected.length, sigmas, i, j);
                assertEquals(expected[j], coefficient, 1e-12 * Math.abs(expected[j]), "step " + i + ", j " + j);
                assertEquals((float) expected[j], table[i][j], 0f, "float weight at step " + i + ", j " + j);
            }
        }
    }

    @Test
    void weightsOfOneStepSumToTheStep() {
        // the basis polynomials sum to 1, so the weights sum to sigma_i+1 - sigma_i (up to the float32
        // rounding of the node differences)
        float[] sigmas = {14.614643f, 9.102934f, 5.4783993f, 3.1686094f, 1.7494234f, 0f};
        for (int i = ORDER - 1; i < sigmas.length - 1; i++) {
            double sum = 0;
            for (int j = 0; j < ORDER; j++) {
                sum += LinearMultistepCoefficients.coefficient(ORDER, sigmas, i, j);
            }
            double step = (double) sigmas[i + 1] - sigmas[i];
            assertEquals(step, sum, 1e-6 * Math.abs(step));
        }
    }

    @Test
    void rejectsAnOrderBeyondTheStepsSoFar() {
        float[] sigmas = {2f, 1f, 0f};
        assertThrows(IllegalArgumentException.class, () -> LinearMultistepCoefficients.coefficient(2, sigmas, 0, 0));
    }
}
