package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import org.junit.jupiter.api.Test;

class TensorCodecTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    // ---- float16 encoding: IEEE binary16, round to nearest, ties to even

    @Test
    void encodesExactFloat16Values() {
        assertFloat16(0f, 0x0000);
        assertFloat16(-0f, 0x8000);
        assertFloat16(1f, 0x3C00);
        assertFloat16(-2f, 0xC000);
        assertFloat16(0.5f, 0x3800);
        assertFloat16(65504f, 0x7BFF); // largest finite
        assertFloat16(0x1p-14f, 0x0400); // smallest normal
        assertFloat16(0x1p-24f, 0x0001); // smallest subnormal
        assertFloat16(0x1p-14f - 0x1p-24f, 0x03FF); // largest subnormal
        assertFloat16(-0x1p-24f, 0x8001);
    }

    @Test
    void encodesInfinitiesAndNaN() {
        assertFloat16(Float.POSITIVE_INFINITY, 0x7C00);
        assertFloat16(Float.NEGATIVE_INFINITY, 0xFC00);
        int nan = encode(Float.NaN) & 0xFFFF;
        assertEquals(0x7C00, nan & 0x7C00, "NaN keeps an all-ones exponent");
        assertTrue((nan & 0x03FF) != 0, "NaN keeps a non-zero mantissa, else it would read as infinity");
    }

    @Test
    void roundsToNearestWithTiesToEven() {
        assertFloat16(0.1f, 0x2E66); // 614.4 mantissa units: down
        assertFloat16(1f / 3, 0x3555); // 341.33: down
        assertFloat16(2f / 3, 0x3955); // 682.67: up
        assertFloat16(1f + 0x1p-11f, 0x3C00); // tie between 0x3C00 and 0x3C01: to even 0x3C00
        assertFloat16(Math.nextUp(1f + 0x1p-11f), 0x3C01); // just past the tie: up
        assertFloat16(1f + 3 * 0x1p-11f, 0x3C02); // tie between 0x3C01 and 0x3C02: to even 0x3C02
        assertFloat16(Math.nextDown(1f + 3 * 0x1p-11f), 0x3C01);
        assertFloat16(-(1f + 3 * 0x1p-11f), 0xBC02);
    }

    @Test
    void roundsSubnormalsAndOverflowTheSameWay() {
        assertFloat16(0x1p-25f, 0x0000); // half the smallest subnormal: a tie, to even zero
        assertFloat16(Math.nextUp(0x1p-25f), 0x0001);
        assertFloat16(3 * 0x1p-25f, 0x0002); // tie between 1 and 2 units: to even 2
        assertFloat16(1e-10f, 0x0000); // underflow
        assertFloat16(-1e-10f, 0x8000); // keeps its sign
        assertFloat16(Math.nextDown(65520f), 0x7BFF); // below the midpoint to 2^16: stays finite
        assertFloat16(65520f, 0x7C00); // the midpoint: ties to even, which is infinity
        assertFloat16(1e6f, 0x7C00);
    }

    @Test
    void decodesFloat16Values() throws OrtException {
        short[] bits = {0x0000, (short) 0x8000, 0x3C00, 0x3555, 0x7BFF, 0x0001, 0x03FF, 0x7C00, (short) 0xFC00, 0x7E00};
        float[] values = decodeFloat16(bits);
        assertEquals(0f, values[0]);
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(values[1]), "negative zero keeps its sign");
        assertEquals(1f, values[2]);
        assertEquals(0.333251953125f, values[3]);
        assertEquals(65504f, values[4]);
        assertEquals(0x1p-24f, values[5]);
        assertEquals(0x1p-14f - 0x1p-24f, values[6]);
        assertEquals(Float.POSITIVE_INFINITY, values[7]);
        assertEquals(Float.NEGATIVE_INFINITY, values[8]);
        assertTrue(Float.isNaN(values[9]));
    }

    @Test
    void everyFloat16ValueRoundTrips() throws OrtException {
        short[] all = new short[0x10000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) i;
        }
        float[] decoded = decodeFloat16(all);
        ByteBuffer encoded = buffer(all.length * 2);
        TensorCodec.encode("x", Tensor.ofFloats(decoded, all.length), DType.FLOAT16, encoded);
        for (int i = 0; i < all.length; i++) {
            boolean nan = (i & 0x7C00) == 0x7C00 && (i & 0x03FF) != 0;
            if (nan) {
                assertTrue(Float.isNaN(decoded[i]), () -> "NaN pattern decodes to NaN");
            } else {
                int bitsBack = encoded.getShort(i * 2) & 0xFFFF;
                int expected = i;
                assertEquals(expected, bitsBack, () -> String.format("%04x -> %s -> %04x", expected,
                        decoded[expected], bitsBack));
            }
        }
    }

    // ---- integers

    @Test
    void truncatesFloatsTowardZeroForIntegerInputs() {
        float[] timesteps = {916.284f, 999f, 0.99f, -2.7f, 0f};
        ByteBuffer int64 = buffer(timesteps.length * 8);
        TensorCodec.encode("timestep", Tensor.ofFloats(timesteps, timesteps.length), DType.INT64, int64);
        long[] asLongs = new long[timesteps.length];
        int64.asLongBuffer().get(asLongs);
        assertArrayEquals(new long[] {916, 999, 0, -2, 0}, asLongs);

        ByteBuffer int32 = buffer(timesteps.length * 4);
        TensorCodec.encode("timestep", Tensor.ofFloats(timesteps, timesteps.length), DType.INT32, int32);
        int[] asInts = new int[timesteps.length];
        int32.asIntBuffer().get(asInts);
        assertArrayEquals(new int[] {916, 999, 0, -2, 0}, asInts);
    }

    @Test
    void narrowsLongsToInt32AndWidensThemToFloats() {
        long[] ids = {49406, 320, 49407, -1};
        ByteBuffer int32 = buffer(ids.length * 4);
        TensorCodec.encode("input_ids", Tensor.ofLongs(ids, 1, ids.length), DType.INT32, int32);
        int[] asInts = new int[ids.length];
        int32.asIntBuffer().get(asInts);
        assertArrayEquals(new int[] {49406, 320, 49407, -1}, asInts);

        ByteBuffer float32 = buffer(ids.length * 4);
        TensorCodec.encode("t", Tensor.ofLongs(ids, ids.length), DType.FLOAT32, float32);
        float[] asFloats = new float[ids.length];
        float32.asFloatBuffer().get(asFloats);
        assertArrayEquals(new float[] {49406f, 320f, 49407f, -1f}, asFloats);

        ByteBuffer float16 = buffer(2);
        TensorCodec.encode("t", Tensor.ofLongs(new long[] {2}, 1), DType.FLOAT16, float16);
        assertEquals(0x4000, float16.getShort(0) & 0xFFFF);
    }

    @Test
    void copiesFloat32AndInt64Unchanged() {
        float[] floats = {1.5f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f};
        ByteBuffer float32 = buffer(floats.length * 4);
        TensorCodec.encode("x", Tensor.ofFloats(floats, floats.length), DType.FLOAT32, float32);
        float[] back = new float[floats.length];
        float32.asFloatBuffer().get(back);
        assertArrayEquals(floats, back);

        long[] longs = {Long.MIN_VALUE, 0, 1L << 40};
        ByteBuffer int64 = buffer(longs.length * 8);
        TensorCodec.encode("x", Tensor.ofLongs(longs, longs.length), DType.INT64, int64);
        long[] longsBack = new long[longs.length];
        int64.asLongBuffer().get(longsBack);
        assertArrayEquals(longs, longsBack);
    }

    @Test
    void rejectsValuesAnIntegerInputCannotHold() {
        InferenceException nan = assertThrows(InferenceException.class, () -> TensorCodec.encode("timestep",
                Tensor.ofFloats(new float[] {Float.NaN}, 1), DType.INT64, buffer(8)));
        assertTrue(nan.getMessage().contains("'timestep'") && nan.getMessage().contains("NaN"), nan.getMessage());

        InferenceException wide = assertThrows(InferenceException.class, () -> TensorCodec.encode("input_ids",
                Tensor.ofLongs(new long[] {1L << 31}, 1), DType.INT32, buffer(4)));
        assertTrue(wide.getMessage().contains("'input_ids'") && wide.getMessage().contains("2147483648"),
                wide.getMessage());

        assertThrows(InferenceException.class, () -> TensorCodec.encode("t",
                Tensor.ofFloats(new float[] {3e9f}, 1), DType.INT32, buffer(4)));
    }

    @Test
    void decodesInt32OutputsAsLongsAndKeepsTheShape() throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, IntBuffer.wrap(new int[] {1, -2, 3, 49407, 5, 6}),
                new long[] {2, 3})) {
            Tensor decoded = TensorCodec.decode("ids", tensor);
            assertArrayEquals(new long[] {1, -2, 3, 49407, 5, 6}, decoded.longs());
            assertArrayEquals(new long[] {2, 3}, decoded.shape());
        }
    }

    private static void assertFloat16(float value, int expectedBits) {
        int bits = encode(value) & 0xFFFF;
        assertEquals(expectedBits, bits, () -> String.format("%s (0x%08x) should be 0x%04x as float16, got 0x%04x",
                value, Float.floatToRawIntBits(value), expectedBits, bits));
    }

    private static short encode(float value) {
        ByteBuffer out = buffer(2);
        TensorCodec.encode("x", Tensor.ofFloats(new float[] {value}, 1), DType.FLOAT16, out);
        return out.getShort(0);
    }

    private static float[] decodeFloat16(short[] bits) throws OrtException {
        ShortBuffer data = buffer(bits.length * 2).asShortBuffer().put(bits).flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, data, new long[] {bits.length}, OnnxJavaType.FLOAT16)) {
            Tensor decoded = TensorCodec.decode("y", tensor);
            assertArrayEquals(new long[] {bits.length}, decoded.shape());
            return decoded.floats();
        }
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
}
