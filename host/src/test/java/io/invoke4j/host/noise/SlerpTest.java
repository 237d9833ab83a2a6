package io.invoke4j.host.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Slerp} against generation-semantics.md section 2.1. The numpy references were computed with numpy 2.4
 * from the same torch noise, casting explicitly where numpy 1.x's promotion rules differ from numpy 2's (the
 * float32 {@code theta0} widened to float64 before {@code * t}, the float64 ratios narrowed to float32 before
 * they meet the arrays); both the exact norms and numpy's own BLAS norm and {@code arccos} gave these bits.
 */
class SlerpTest {

    /** The latent of a 512 x 512 image. */
    private static final int LATENT_512 = 4 * 64 * 64;

    private static float[] randn(long seed) {
        float[] noise = new float[LATENT_512];
        new TorchGenerator(seed).randn(noise);
        return noise;
    }

    private static float[] slerp(double t, float[] v0, float[] v1) {
        float[] out = new float[v0.length];
        Slerp.slerp(t, v0, v1, out);
        return out;
    }

    @Test
    void torchNoiseOfTwoSeedsMatchesNumpyBitForBit() {
        float[] result = slerp(0.3, randn(42), randn(1234));

        assertArrayEquals(new float[] {1.6659033f, 1.0995741f, 0.876425f, -2.275889f, 0.62883824f, -0.79645264f},
                Arrays.copyOf(result, 6));
        assertEquals("3cf8f490aa60db3a6c4e52b29a41d7e076acb1bd6e6bd4d8177c86c245fcd175", sha256(result));
    }

    @Test
    void nearlyCollinearTensorsTakeTheLinearBranchAsNumpyDoes() {
        float[] v0 = randn(42);
        float[] other = randn(1234);
        float[] v1 = new float[LATENT_512];
        for (int i = 0; i < v1.length; i++) {
            v1[i] = v0[i] + 0.01f * other[i];
        }
        float dot = Slerp.cosineSum(v0, v1, Slerp.norm(v0) * Slerp.norm(v1));
        assertTrue(dot > Slerp.DOT_THRESHOLD, "cosine " + dot);

        float[] result = slerp(0.3, v0, v1);

        // (1 - t) * v0 + t * v1 with both weights cast to float32 first
        float w0 = (float) (1 - 0.3);
        float w1 = (float) 0.3;
        for (int i = 0; i < result.length; i++) {
            assertEquals(w0 * v0[i] + w1 * v1[i], result[i], "element " + i);
        }
        assertEquals("00292e8f6abd370e36315ab88eb286c56a134b276c9dc94a3da0ae2ff9e00e54", sha256(result));
    }

    @Test
    void oppositeTensorsTakeTheLinearBranchInsteadOfDividingByZero() {
        float[] v0 = randn(42);
        float[] v1 = new float[LATENT_512];
        for (int i = 0; i < v1.length; i++) {
            v1[i] = -v0[i];
        }

        float[] result = slerp(0.5, v0, v1);

        for (float value : result) {
            assertEquals(0f, value);
        }
    }

    @Test
    void endpointsGiveTheInputsBackWithinFloatRounding() {
        float[] v0 = randn(42);
        float[] v1 = randn(1234);

        float[] atZero = slerp(0, v0, v1);
        float[] atOne = slerp(1, v0, v1);

        for (int i = 0; i < v0.length; i++) {
            assertEquals(v0[i], atZero[i], Math.ulp(v0[i]), "t = 0, element " + i);
            assertEquals(v1[i], atOne[i], Math.ulp(v1[i]), "t = 1, element " + i);
        }
    }

    /**
     * Four elements (numpy sums fewer than 8 one by one), each step typed as section 2.1 says: norms, cosine and
     * angle in float32, {@code t * theta0} and the sine ratios in float64, products and result in float32.
     */
    @Test
    void smallCaseFollowsTheSpecifiedFloatAndDoubleSteps() {
        float[] v0 = {0.5f, -1.25f, 2f, 0.75f};
        float[] v1 = {1.5f, 0.25f, -0.5f, 1f};
        double t = 0.3;

        float norm0 = (float) Math.sqrt(0.25f + 1.5625f + 4f + 0.5625f);
        float norm1 = (float) Math.sqrt(2.25f + 0.0625f + 0.25f + 1f);
        float normProduct = norm0 * norm1;
        float dot = 0f;
        for (int i = 0; i < 4; i++) {
            dot += (v0[i] * v1[i]) / normProduct;
        }
        float theta0 = (float) StrictMath.acos(dot);
        float sinTheta0 = (float) StrictMath.sin(theta0);
        double thetaT = (double) theta0 * t;
        double s0 = StrictMath.sin((double) theta0 - thetaT) / (double) sinTheta0;
        double s1 = StrictMath.sin(thetaT) / (double) sinTheta0;
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) s0 * v0[i] + (float) s1 * v1[i];
        }

        float[] result = slerp(t, v0, v1);

        assertArrayEquals(expected, result);
        // and it is the slerp it claims to be: within float32 noise of the same formula in double
        double exactAngle = Math.acos(0.1875 / Math.sqrt(6.375 * 3.5625));
        for (int i = 0; i < 4; i++) {
            double exact = (Math.sin((1 - t) * exactAngle) * v0[i] + Math.sin(t * exactAngle) * v1[i])
                    / Math.sin(exactAngle);
            assertEquals(exact, result[i], 1e-6, "element " + i);
        }
    }

    /**
     * numpy sums float32 pairwise (blocks of at most 128 with 8 running sums), not one by one: the values
     * {@code ((i * 7919) % 1000) / 997 - 0.5} for i &lt; 16384 sum to 16.208622 in {@code np.sum}, where a
     * running float32 sum gives 16.208641 (exactly, 16.2086257).
     */
    @Test
    void cosineIsSummedPairwiseLikeNumpy() {
        float[] values = new float[LATENT_512];
        float[] ones = new float[LATENT_512];
        float running = 0f;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (((i * 7919) % 1000) / 997.0 - 0.5);
            ones[i] = 1f;
            running += values[i];
        }

        float sum = Slerp.cosineSum(values, ones, 1f);

        assertEquals(16.208621978759766f, sum);
        assertNotEquals(running, sum);
    }

    @ParameterizedTest(name = "out is v{0}")
    @ValueSource(ints = {0, 1})
    void outputMayBeEitherInput(int which) {
        float[] v0 = randn(42);
        float[] v1 = randn(1234);
        float[] expected = slerp(0.3, v0, v1);

        float[] out = which == 0 ? v0 : v1;
        Slerp.slerp(0.3, v0, v1, out);

        assertArrayEquals(expected, out);
    }

    @Test
    void unequalLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Slerp.slerp(0.5, new float[4], new float[5], new float[4]));
        assertThrows(IllegalArgumentException.class, () -> Slerp.slerp(0.5, new float[4], new float[4], new float[3]));
    }

    private static String sha256(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
