package io.invoke4j.plugin.facerestorers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The prior layout of the models README: the rows it names, in pixels. */
class PriorsTest {
    private final float[] priors = Priors.of640();

    private float[] pixels(int row) {
        float[] p = new float[4];
        for (int i = 0; i < 4; i++) {
            p[i] = priors[row * 4 + i] * 640;
        }
        return p;
    }

    @Test
    void sixteenThousandEightHundredPriors() {
        assertEquals(16800 * 4, priors.length);
    }

    @Test
    void theRowsTheReadmeNames() {
        assertArrayEquals(new float[] {4, 4, 16, 16}, pixels(0), 1e-4f);
        assertArrayEquals(new float[] {4, 4, 32, 32}, pixels(1), 1e-4f);
        assertArrayEquals(new float[] {12, 4, 16, 16}, pixels(2), 1e-4f);
        assertArrayEquals(new float[] {4, 12, 16, 16}, pixels(160), 1e-4f);
        assertArrayEquals(new float[] {8, 8, 64, 64}, pixels(12800), 1e-4f);
        assertArrayEquals(new float[] {16, 16, 256, 256}, pixels(16000), 1e-4f);
        assertArrayEquals(new float[] {624, 624, 512, 512}, pixels(16799), 1e-4f);
    }
}
