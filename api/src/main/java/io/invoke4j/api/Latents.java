package io.invoke4j.api;

import java.util.Arrays;

/**
 * The sampler's working tensor: float32 latents of shape {@code [batch, channels, height, width]}, C order.
 *
 * <p>Latents are mutable on purpose. The sampling loop is the hot path, so a sampler allocates the buffers it
 * needs once, before its first step, and then works in place with the operations below, each a single pass
 * over the array in float32 arithmetic, as torch does on the CPU.
 */
public final class Latents {
    private final float[] data;
    private final int[] shape;

    /** Wraps {@code data} (not copied) with the given shape. */
    public Latents(float[] data, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " values, the array has " + data.length);
        }
        this.data = data;
        this.shape = shape.clone();
    }

    /** New zero latents of the same shape as {@code like}. */
    public static Latents zerosLike(Latents like) {
        return new Latents(new float[like.data.length], like.shape);
    }

    /** The backing array, not a copy. */
    public float[] data() {
        return data;
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** A new latents holding a copy of these values. */
    public Latents copy() {
        return new Latents(data.clone(), shape);
    }

    /** {@code this = src}. */
    public Latents set(Latents src) {
        System.arraycopy(src.data, 0, data, 0, data.length);
        return this;
    }

    /** {@code this *= s}. */
    public Latents scale(float s) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= s;
        }
        return this;
    }

    /** {@code this = src * s} (torch: {@code src * s}). */
    public Latents setScaled(Latents src, float s) {
        float[] sd = src.data;
        for (int i = 0; i < data.length; i++) {
            data[i] = sd[i] * s;
        }
        return this;
    }

    /**
     * {@code this /= s} (torch: {@code x / s}). A true division, not a multiplication by {@code 1 / s}: the two
     * round differently.
     */
    public Latents divide(float s) {
        for (int i = 0; i < data.length; i++) {
            data[i] /= s;
        }
        return this;
    }

    /** {@code this += s * other} (torch: {@code x + other * s}). */
    public Latents addScaled(Latents other, float s) {
        float[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i] + o[i] * s;
        }
        return this;
    }

    /** {@code this = a * x + b * y}; {@code x} or {@code y} may be {@code this}. */
    public Latents setLinear(float a, Latents x, float b, Latents y) {
        float[] xd = x.data;
        float[] yd = y.data;
        for (int i = 0; i < data.length; i++) {
            data[i] = a * xd[i] + b * yd[i];
        }
        return this;
    }

    /**
     * {@code this = (x - denoised) / sigma}: k-diffusion's {@code to_d}, the derivative of the probability-flow
     * ODE at noise level {@code sigma}.
     */
    public Latents setDerivative(Latents x, Latents denoised, float sigma) {
        float[] xd = x.data;
        float[] dd = denoised.data;
        for (int i = 0; i < data.length; i++) {
            data[i] = (xd[i] - dd[i]) / sigma;
        }
        return this;
    }

    /** Largest absolute value (for tests and diagnostics). */
    public float maxAbs() {
        float m = 0;
        for (float v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public String toString() {
        return "Latents" + Arrays.toString(shape);
    }
}
