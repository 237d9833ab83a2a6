package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Latents;
import io.invoke4j.host.noise.TorchGenerator;
import org.junit.jupiter.api.Test;

/** {@code -r}: {@code z <- z * mask + (1 - mask) * ((1 - r) * z + r * noise)}, the noise drawn from the generator. */
class InpaintReplaceTest {
    private static final float[] Z = {1f, -2f, 0.5f, 3f};
    private static final float[] MASK = {1f, 0f, 0.25f, 0.75f};

    private static Latents z() {
        return new Latents(Z.clone(), 1, 1, 2, 2);
    }

    private static Latents mask() {
        return new Latents(MASK.clone(), 1, 1, 2, 2);
    }

    @Test
    void followsTheFormulaOnASmallLatent() {
        Latents z = z();
        InpaintReplace.apply(z, mask(), 0.4, new TorchGenerator(7));

        float[] noise = new float[4];
        new TorchGenerator(7).randn(noise);
        for (int i = 0; i < 4; i++) {
            double expected = Z[i] * MASK[i] + (1 - MASK[i]) * (0.6 * Z[i] + 0.4 * noise[i]);
            assertEquals(expected, z.data()[i], 1e-6, "[" + i + "]");
        }
        // where the mask keeps everything, nothing moves
        assertEquals(Z[0], z.data()[0]);
    }

    @Test
    void zeroLeavesTheLatentsAndTheGeneratorAlone() {
        Latents z = z();
        TorchGenerator generator = new TorchGenerator(7);
        InpaintReplace.apply(z, mask(), 0.0, generator);

        assertArrayEquals(Z, z.data());
        float[] next = new float[4];
        generator.randn(next);
        float[] first = new float[4];
        new TorchGenerator(7).randn(first);
        assertArrayEquals(first, next);
    }

    @Test
    void oneGivesTheNoiseWhereTheMaskRepaints() {
        Latents z = z();
        InpaintReplace.apply(z, mask(), 1.0, new TorchGenerator(7));

        float[] noise = new float[4];
        new TorchGenerator(7).randn(noise);
        assertEquals(noise[1], z.data()[1]);
        assertEquals(Z[0], z.data()[0]);
    }
}
