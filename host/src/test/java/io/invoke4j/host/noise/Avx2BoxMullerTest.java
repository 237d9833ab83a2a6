package io.invoke4j.host.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one {@link Avx2BoxMuller} rule the reference tensors happen not to exercise. */
class Avx2BoxMullerTest {

    @Test
    void zeroRadiusGivesPositiveZeroAsTorchsFinalFmaDoes() {
        // uniform 0 (a word whose low 24 bits are 0, about once in 2000 latents): u1 = 1, log 0, and
        // sqrt(-2 * 0) = sqrt(-0.0) = -0.0, so radius * cos and radius * sin are -0.0 until torch adds its mean 0
        float[] block = new float[Avx2BoxMuller.BLOCK];

        Avx2BoxMuller.transformBlock(block, 0);

        for (int i = 0; i < block.length; i++) {
            assertEquals(0f, block[i], "slot " + i); // compares bits: -0.0f fails
        }
    }
}
