package io.invoke4j.api;

/** Element type of a model input or output, as the model file declares it. */
public enum DType {
    FLOAT32,
    FLOAT16,
    INT32,
    INT64,
    /** 64-bit float, as CodeFormer's fidelity input {@code weight} is declared; values travel as floats. */
    FLOAT64;

    /** Whether values of this type travel as {@code float}s in a {@link Tensor}. */
    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT16 || this == FLOAT64;
    }
}
