package io.invoke4j.api;

import java.util.Arrays;

/**
 * A model input or output as the model declares it.
 *
 * @param name  the name in the model file ({@code sample}, {@code timestep}, ...)
 * @param dtype the declared element type; {@link InferenceSession#run} converts to it
 * @param shape the declared dimensions; {@code -1} marks a dynamic one ({@code batch}, {@code height})
 */
public record TensorInfo(String name, DType dtype, long[] shape) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Whether dimension {@code axis} accepts any size. */
    public boolean isDynamic(int axis) {
        return axis < shape.length && shape[axis] < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.name.equals(name) && t.dtype == dtype && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype.name().toLowerCase() + Arrays.toString(shape);
    }
}
