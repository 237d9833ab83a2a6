package io.invoke4j.plugin.djl;

import ai.djl.ndarray.types.DataType;
import ai.onnxruntime.platform.Fp16Conversions;
import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Direct, native-order buffers that hold a session's inputs, converted to the dtypes the model takes; the backends
 * read them in place. Each input keeps its buffer while its size stays the same, since the sampling loop feeds the
 * UNet 20 to 50 times with the same shapes, so a session using them is not thread-safe (the api allows that).
 *
 * <p>Float16 rounds as ONNX Runtime's {@link Fp16Conversions} does (to nearest, ties to even), the same as the onnx
 * engine, so that both engines feed an fp16 model the same bits. (DJL's {@code Float16Utils} rounds ties away from
 * zero.) A float given for an integer input is truncated toward zero, as the api says.
 */
final class InputBuffers {

    private final Map<String, ByteBuffer> buffers = new HashMap<>();

    /**
     * Writes {@code tensor} as {@code dtype} into the buffer of input {@code name}, positioned at 0.
     *
     * @throws InferenceException when an integer input gets a value it cannot hold
     */
    ByteBuffer fill(String name, Tensor tensor, DType dtype) {
        int bytes = Math.multiplyExact(tensor.size(), byteSize(dtype));
        ByteBuffer buffer = buffers.get(name);
        if (buffer == null || buffer.capacity() != bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            buffers.put(name, buffer);
        }
        buffer.clear();
        if (tensor.isFloating()) {
            putFloats(name, tensor.floats(), dtype, buffer);
        } else {
            putLongs(name, tensor.longs(), dtype, buffer);
        }
        return buffer;
    }

    /** Lets the buffers go (a closed session should not hold on to input-sized native memory). */
    void clear() {
        buffers.clear();
    }

    static DataType toDjl(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT16 -> DataType.FLOAT16;
            case FLOAT64 -> DataType.FLOAT64;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
        };
    }

    private static int byteSize(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> 2;
            case FLOAT32, INT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }

    private static void putFloats(String name, float[] values, DType dtype, ByteBuffer out) {
        switch (dtype) {
            case FLOAT32 -> out.asFloatBuffer().put(values);
            case FLOAT64 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putDouble(i * Double.BYTES, values[i]);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putShort(i * Short.BYTES, Fp16Conversions.floatToFp16(values[i]));
                }
            }
            case INT32 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putInt(i * Integer.BYTES, toInt(name, truncate(name, values[i]), i));
                }
            }
            case INT64 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putLong(i * Long.BYTES, truncate(name, values[i]));
                }
            }
        }
    }

    private static void putLongs(String name, long[] values, DType dtype, ByteBuffer out) {
        switch (dtype) {
            case FLOAT32 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putFloat(i * Float.BYTES, values[i]);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putDouble(i * Double.BYTES, values[i]);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putShort(i * Short.BYTES, Fp16Conversions.floatToFp16(values[i]));
                }
            }
            case INT32 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putInt(i * Integer.BYTES, toInt(name, values[i], i));
                }
            }
            case INT64 -> out.asLongBuffer().put(values);
        }
    }

    private static int toInt(String name, long value, int index) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InferenceException("input '" + name + "' is int32, and " + value + " at index " + index
                    + " does not fit");
        }
        return (int) value;
    }

    private static long truncate(String name, float value) {
        // a (long) cast would turn NaN into 0 and infinity into Long.MAX_VALUE without a word
        if (!Float.isFinite(value) || value >= 0x1p63f || value < -0x1p63f) {
            throw new InferenceException("input '" + name + "' is an integer, and " + value + " is not one");
        }
        return (long) value;
    }
}
