package io.invoke4j.host.noise;

/**
 * InvokeAI's {@code Generator.slerp(t, v0, v1)}: spherical interpolation between two noise tensors, taken over
 * the whole flattened tensors, with the dtypes numpy 1.x gives its code (generation-semantics.md section 2.1).
 *
 * <p>InvokeAI computes it in numpy, and numpy 1.x's promotion rules make the precision uneven: the arrays, their
 * norms, the cosine {@code dot} and the angle {@code theta0} are float32; {@code t * theta0} and the two sine
 * ratios are float64 scalars (a float32 scalar times a Python float is float64 when no array is involved); the
 * ratios are then rounded to float32 when they multiply the float32 arrays (value-based casting lets the array
 * decide), and the result is float32. This class follows those steps one by one. Java float arithmetic is IEEE
 * single precision without fused multiply-adds, so each step rounds where numpy's does.
 *
 * <p>Where numpy's bits depend on the machine, this class picks the exact answer instead, so its output is the
 * same on every JVM:
 * <ul>
 *   <li>the norms: numpy calls BLAS {@code sdot}, whose float32 summation order depends on the CPU kernel and,
 *       from 10,000 elements, on the thread count; here the sum of squares is accumulated in double (each square
 *       is exact there) and rounded once to float32;</li>
 *   <li>{@code arccos} and the float32 {@code sin}: libm or numpy's SIMD code, up to 1.5 ULP off; here the
 *       float32 nearest the double result of {@link StrictMath}.</li>
 * </ul>
 * The cosine's sum is numpy's own pairwise summation ({@code pairwise_sum} in its {@code loops_utils.h}), which is
 * the same on every machine, so it is reproduced exactly. Results thus match InvokeAI's to a few float32 ULPs.
 */
public final class Slerp {

    /** Above this |cosine| the tensors count as collinear and InvokeAI interpolates linearly. */
    public static final double DOT_THRESHOLD = 0.9995;

    /** numpy's pairwise summation sums blocks of up to this many elements with 8 running sums. */
    private static final int PAIRWISE_BLOCK = 128;
    private static final int UNROLL = 8;

    private Slerp() {
    }

    /**
     * Writes {@code slerp(t, v0, v1)} into {@code out}, allocating nothing.
     *
     * @param t   the weight of {@code v1}: 0 gives {@code v0}, 1 gives {@code v1} (both up to float rounding)
     * @param v0  the start tensor, flattened
     * @param v1  the end tensor, flattened, as long as {@code v0}
     * @param out receives the result; it may be {@code v0} or {@code v1} itself (each element is read before it
     *            is written, and the cosine is taken over the inputs before anything is written)
     * @throws IllegalArgumentException if the lengths differ
     */
    public static void slerp(double t, float[] v0, float[] v1, float[] out) {
        if (v0.length != v1.length || out.length != v0.length) {
            throw new IllegalArgumentException("slerp needs equal lengths, got " + v0.length + ", " + v1.length
                    + " and " + out.length);
        }
        // dot = np.sum(v0 * v1 / (norm(v0) * norm(v1))): every step float32
        float normProduct = norm(v0) * norm(v1);
        float dot = cosineSum(v0, v1, normProduct);
        float w0;
        float w1;
        if (Math.abs(dot) > DOT_THRESHOLD) {
            // (1 - t) * v0 + t * v1: the Python floats are cast to float32 to meet the float32 arrays
            w0 = (float) (1 - t);
            w1 = (float) t;
        } else {
            float theta0 = (float) StrictMath.acos(dot);
            float sinTheta0 = (float) StrictMath.sin(theta0);
            double thetaT = theta0 * t;
            double s0 = StrictMath.sin(theta0 - thetaT) / sinTheta0;
            double s1 = StrictMath.sin(thetaT) / sinTheta0;
            // s0 * v0 + s1 * v1: the float64 scalars are cast to float32 to meet the float32 arrays
            w0 = (float) s0;
            w1 = (float) s1;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = w0 * v0[i] + w1 * v1[i];
        }
    }

    /** {@code np.linalg.norm(v)} as a float32: the square root of the float32-rounded sum of squares. */
    static float norm(float[] v) {
        double sumOfSquares = 0;
        for (float x : v) {
            sumOfSquares += (double) x * x;
        }
        // the float sqrt of a float, correctly rounded: the double root rounds to the same float
        return (float) Math.sqrt((float) sumOfSquares);
    }

    /** {@code np.sum(v0 * v1 / normProduct)} in float32: numpy's reduction starts from 0 and adds the pairwise sum. */
    static float cosineSum(float[] v0, float[] v1, float normProduct) {
        return 0f + pairwiseSum(v0, v1, normProduct, 0, v0.length);
    }

    /**
     * numpy's {@code FLOAT_pairwise_sum} over the terms {@code (v0[i] * v1[i]) / normProduct} of
     * {@code [from, from + n)}, each term computed when read (numpy reads each once from its temporary array).
     */
    private static float pairwiseSum(float[] v0, float[] v1, float normProduct, int from, int n) {
        if (n < UNROLL) {
            float sum = 0f;
            for (int i = from; i < from + n; i++) {
                sum += term(v0, v1, normProduct, i);
            }
            return sum;
        }
        if (n <= PAIRWISE_BLOCK) {
            float r0 = term(v0, v1, normProduct, from);
            float r1 = term(v0, v1, normProduct, from + 1);
            float r2 = term(v0, v1, normProduct, from + 2);
            float r3 = term(v0, v1, normProduct, from + 3);
            float r4 = term(v0, v1, normProduct, from + 4);
            float r5 = term(v0, v1, normProduct, from + 5);
            float r6 = term(v0, v1, normProduct, from + 6);
            float r7 = term(v0, v1, normProduct, from + 7);
            int unrolledEnd = n - n % UNROLL;
            int i = UNROLL;
            for (; i < unrolledEnd; i += UNROLL) {
                int at = from + i;
                r0 += term(v0, v1, normProduct, at);
                r1 += term(v0, v1, normProduct, at + 1);
                r2 += term(v0, v1, normProduct, at + 2);
                r3 += term(v0, v1, normProduct, at + 3);
                r4 += term(v0, v1, normProduct, at + 4);
                r5 += term(v0, v1, normProduct, at + 5);
                r6 += term(v0, v1, normProduct, at + 6);
                r7 += term(v0, v1, normProduct, at + 7);
            }
            float sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                sum += term(v0, v1, normProduct, from + i);
            }
            return sum;
        }
        // halve, keeping the first half a multiple of the unroll factor
        int half = n / 2;
        half -= half % UNROLL;
        return pairwiseSum(v0, v1, normProduct, from, half)
                + pairwiseSum(v0, v1, normProduct, from + half, n - half);
    }

    /** One element of numpy's temporary {@code v0 * v1 / normProduct}: product rounded, then quotient rounded. */
    private static float term(float[] v0, float[] v1, float normProduct, int i) {
        return (v0[i] * v1[i]) / normProduct;
    }
}
