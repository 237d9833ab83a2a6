package io.invoke4j.host.noise;

/**
 * The Box-Muller block of torch 1.13's vectorised CPU {@code normal_} kernel, with the float arithmetic of its AVX2
 * build: Cephes-style float32 polynomials for log, sin and cos, evaluated with fused multiply-adds. A plain double
 * Box-Muller rounded to float lands up to 3 ULPs away from torch; these exact steps land on torch's bits.
 */
final class Avx2BoxMuller {

    /** One block turns 16 uniforms into 16 normals. */
    static final int BLOCK = 16;
    private static final int HALF = BLOCK / 2;

    private static final float TWO_PI = (float) (2 * Math.PI);
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float[] LOG_POLYNOMIAL = {
        -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f,
        -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f,
    };

    private Avx2BoxMuller() {
    }

    /**
     * Transforms, in place, the 16 uniforms at {@code values[offset..offset+16)}: the first 8 give the radii and
     * receive the cosines, the last 8 give the angles and receive the sines.
     */
    static void transformBlock(float[] values, int offset) {
        for (int k = 0; k < HALF; k++) {
            float u1 = 1f - values[offset + k];
            float u2 = values[offset + HALF + k];
            float radius = (float) Math.sqrt(-2f * log(u1));
            float angle = TWO_PI * u2;
            // torch finishes with fma(v, std = 1, mean = 0), which turns -0.0 into +0.0: so does "+ 0f"
            values[offset + k] = radius * cos(angle) + 0f;
            values[offset + HALF + k] = radius * sin(angle) + 0f;
        }
    }

    /** Natural log of {@code v} in (0, 1], as the AVX2 kernel computes it. */
    static float log(float v) {
        int bits = Float.floatToRawIntBits(v);
        float exponent = (float) ((bits >>> 23) - 127) + 1f;
        float mantissa = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000); // in [0.5, 1)
        if (mantissa < SQRT_HALF) {
            exponent = exponent - 1f;
            mantissa = (mantissa - 1f) + mantissa;
        } else {
            mantissa = mantissa - 1f;
        }
        float squared = mantissa * mantissa;
        float y = 7.0376836292E-2f;
        for (float coefficient : LOG_POLYNOMIAL) {
            y = Math.fma(y, mantissa, coefficient);
        }
        y = y * mantissa;
        y = Math.fma(y, squared, exponent * -2.12194440e-4f);
        y = y - squared * 0.5f;
        return (mantissa + y) + exponent * 0.693359375f;
    }

    /** Sine of {@code x} in [0, 2 pi), as the AVX2 kernel computes it. */
    static float sin(float x) {
        int octant = octant(x);
        float reduced = reduce(x, octant);
        float value = (octant & 2) == 0 ? sinPolynomial(reduced) : cosPolynomial(reduced);
        return (octant & 4) != 0 ? -value : value;
    }

    /** Cosine of {@code x} in [0, 2 pi), as the AVX2 kernel computes it. */
    static float cos(float x) {
        int octant = octant(x);
        float reduced = reduce(x, octant);
        float value = (octant & 2) == 0 ? cosPolynomial(reduced) : sinPolynomial(reduced);
        return ((octant - 2) & 4) == 0 ? -value : value;
    }

    /** The even octant index nearest to {@code x / (pi / 4)}, rounded the way the kernel does (truncate, then up to even). */
    private static int octant(float x) {
        int j = (int) (x * 1.27323954473516f);
        return (j + 1) & ~1;
    }

    /** {@code x - octant * pi / 4} in three FMA steps (Cody-Waite), leaving a value in [-pi/4, pi/4]. */
    private static float reduce(float x, int octant) {
        float y = (float) octant;
        x = Math.fma(y, -0.78515625f, x);
        x = Math.fma(y, -2.4187564849853515625e-4f, x);
        return Math.fma(y, -3.77489497744594108e-8f, x);
    }

    private static float cosPolynomial(float x) {
        float z = x * x;
        float c = 2.443315711809948E-005f;
        c = Math.fma(c, z, -1.388731625493765E-003f);
        c = Math.fma(c, z, 4.166664568298827E-002f);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        return c + 1f;
    }

    private static float sinPolynomial(float x) {
        float z = x * x;
        float s = -1.9515295891E-4f;
        s = Math.fma(s, z, 8.3321608736E-3f);
        s = Math.fma(s, z, -1.6666654611E-1f);
        s = s * z;
        return Math.fma(s, x, x);
    }
}
