package io.invoke4j.plugin.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.platform.Fp16Conversions;
import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/**
 * Converts api {@link Tensor}s (float or long values) to and from the element types a model declares.
 *
 * <p>Float16 goes through ONNX Runtime's own {@link Fp16Conversions}: Java 17 has no
 * {@code Float.floatToFloat16}, and ORT's fallback rounds to nearest, ties to even, with correct subnormals,
 * overflow to infinity and NaN (the tests pin this down).
 *
 * <p>A float tensor given for an integer input is truncated toward zero, as a C cast or torch's {@code .long()}
 * does. This is what happens to the timestep of an fp16 SD export, whose {@code timestep} is int64: k-diffusion
 * samplers produce fractional timesteps (916.284 ...), and diffusers' ONNX pipeline, which casts them with numpy,
 * truncates them the same way.
 */
final class TensorCodec {

    private TensorCodec() {
    }

    /**
     * Writes {@code tensor}'s values as {@code dtype} into {@code out} from index 0, in {@code out}'s byte order.
     *
     * @param name  the input's name, for errors
     * @param out   room for exactly {@code tensor.size()} values of {@code dtype}
     * @throws InferenceException when an integer input gets a value it cannot hold (NaN, infinite, out of range)
     */
    static void encode(String name, Tensor tensor, DType dtype, ByteBuffer out) {
        if (tensor.isFloating()) {
            encodeFloats(name, tensor.floats(), dtype, out);
        } else {
            encodeLongs(name, tensor.longs(), dtype, out);
        }
    }

    private static void encodeFloats(String name, float[] values, DType dtype, ByteBuffer out) {
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

    private static void encodeLongs(String name, long[] values, DType dtype, ByteBuffer out) {
        switch (dtype) {
            case FLOAT32 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putFloat(i * Float.BYTES, values[i]);
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
            case FLOAT64 -> {
                for (int i = 0; i < values.length; i++) {
                    out.putDouble(i * Double.BYTES, values[i]);
                }
            }
        }
    }

    /**
     * Reads an output tensor into a new api tensor: float16, float32 and float64 (narrowed) as floats, int32 and
     * int64 as longs.
     */
    static Tensor decode(String name, OnnxTensor tensor) {
        ai.onnxruntime.TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        switch (info.type) {
            case FLOAT:
                // a heap buffer that ORT has just copied the values into: its array is the one copy
                return Tensor.ofFloats(tensor.getFloatBuffer().array(), shape);
            case FLOAT16:
                return Tensor.ofFloats(fromFloat16(tensor.getShortBuffer()), shape);
            case DOUBLE: {
                double[] values = tensor.getDoubleBuffer().array();
                float[] narrowed = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    narrowed[i] = (float) values[i];
                }
                return Tensor.ofFloats(narrowed, shape);
            }
            case INT32: {
                int[] values = tensor.getIntBuffer().array();
                long[] widened = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    widened[i] = values[i];
                }
                return Tensor.ofLongs(widened, shape);
            }
            case INT64:
                return Tensor.ofLongs(tensor.getLongBuffer().array(), shape);
            default:
                throw new InferenceException("output '" + name + "' has element type " + info.onnxType
                        + "; invoke4j supports float32, float16, float64, int32 and int64");
        }
    }

    private static float[] fromFloat16(ShortBuffer bits) {
        float[] values = new float[bits.remaining()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Fp16Conversions.fp16ToFloat(bits.get(i));
        }
        return values;
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
