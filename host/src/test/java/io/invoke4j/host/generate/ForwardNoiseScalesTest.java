package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link DiscreteSchedule#sqrtAlphaCumprod} and {@link DiscreteSchedule#sqrtOneMinusAlphaCumprod} ({@code q_sample}). */
class ForwardNoiseScalesTest {

    private final DiscreteSchedule schedule = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);

    @Test
    void theyAreTheRootsOfTheTableWithinAFloatStep() {
        float[] ac = schedule.alphasCumprod();
        for (int t = 0; t < ac.length; t++) {
            float signal = schedule.sqrtAlphaCumprod(t);
            float noise = schedule.sqrtOneMinusAlphaCumprod(t);
            // rooted from the float64 cumprod: at most one float step from the root of the float32 value, and for
            // 1 - ac, where the float32 table loses digits to cancellation near t = 0, within its rounding (1.3e-5)
            assertEquals((float) Math.sqrt(ac[t]), signal, Math.ulp(signal), "t = " + t);
            assertEquals((float) Math.sqrt(1.0 - ac[t]), noise, 2e-5 * noise, "t = " + t);
            assertEquals(1.0, (double) signal * signal + (double) noise * noise, 1e-6, "t = " + t);
            if (t > 0) {
                assertTrue(signal < schedule.sqrtAlphaCumprod(t - 1), "decreasing at t = " + t);
            }
        }
    }

    @Test
    void theEndsAreTheSdScheduleOnes() {
        // ac[0] = 1 - beta[0] = 1 - 0.00085 in float64; the float32 table's 1 - ac[0] would give 0.029155133
        assertEquals((float) Math.sqrt(1 - 0.00085), schedule.sqrtAlphaCumprod(0));
        assertEquals((float) Math.sqrt(0.00085), schedule.sqrtOneMinusAlphaCumprod(0));
        assertEquals(0.0682652f, schedule.sqrtAlphaCumprod(999), 1e-6f);
    }
}
