package io.invoke4j.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array passed to or returned from an {@link InferenceSession}, in C (row-major) order.
 *
 * <p>Floating values are held as {@code float} whatever the model's precision, integer values as
 * {@code long}: the engine converts to and from the dtype each input and output declares (float16, int32,
 * ...), so callers never deal with it.
 *
 * <p>The array is wrapped, not copied: whoever creates a tensor hands its array over and must not write to it
 * while an engine may read it. Tensors returned by an engine belong to the caller.
 */
public final class Tensor {
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(long[] shape, float[] floats, long[] longs) {
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        int length = floats != null ? floats.length : longs.length;
        if (n != length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " values, the array has " + length);
        }
    }

    /** A floating tensor over {@code data}. */
    public static Tensor ofFloats(float[] data, long... shape) {
        return new Tensor(shape, Objects.requireNonNull(data), null);
    }

    /** An integer tensor over {@code data} (token ids, timesteps). */
    public static Tensor ofLongs(long[] data, long... shape) {
        return new Tensor(shape, null, Objects.requireNonNull(data));
    }

    /** The dimensions (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Dimension {@code axis}. */
    public long dim(int axis) {
        return shape[axis];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** Whether the values are floating ({@link #floats()}) rather than integer ({@link #longs()}). */
    public boolean isFloating() {
        return floats != null;
    }

    /** The backing float array, not a copy. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("integer tensor " + Arrays.toString(shape) + " has no float values");
        }
        return floats;
    }

    /** The backing long array, not a copy. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("float tensor " + Arrays.toString(shape) + " has no integer values");
        }
        return longs;
    }

    @Override
    public String toString() {
        return (isFloating() ? "float" : "long") + Arrays.toString(shape);
    }
}
