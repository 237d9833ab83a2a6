package io.invoke4j.plugin.samplers;

/**
 * The scalar functions the samplers apply to 0-dim float32 tensors ({@code sigma.log()}, {@code t.exp()},
 * {@code h.expm1()}, {@code x ** 0.5}), in float32: evaluated in double and rounded once.
 *
 * <p>torch evaluates {@code log}, {@code exp} and {@code expm1} on the CPU with SLEEF's 1-ULP float kernels,
 * which now and then round the other way; such a sigma then differs from torch's in the last bit (the sample
 * by far less than the traces' tolerance). {@code sqrt} is correctly rounded in both.
 */
final class FloatMath {

    private FloatMath() {
    }

    static float log(float x) {
        return (float) Math.log(x);
    }

    static float exp(float x) {
        return (float) Math.exp(x);
    }

    static float expm1(float x) {
        return (float) Math.expm1(x);
    }

    static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }
}
