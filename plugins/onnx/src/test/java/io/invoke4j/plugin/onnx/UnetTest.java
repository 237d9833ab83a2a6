package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UNet as the sampling loop calls it: batch 2 (uncond, cond), float timesteps, many calls per session. */
class UnetTest {

    /**
     * fp16 against fp32 on the same inputs. The fp16 graph rounds its inputs and every intermediate to float16
     * (relative steps of 2^-11 = 4.9e-4), and models/README.md measured fp16 within 1.1e-3 of torch float32 on
     * outputs of std 0.33. 1e-2 leaves room for inputs rounded to float16 here that were not there, yet is a
     * thirtieth of the output's spread, so a wrong conversion (or a timestep read as a different integer) fails.
     */
    private static final float FP16_VS_FP32_TOLERANCE = 1e-2f;

    private static InferenceSession fp32;
    private static InferenceSession fp16;

    @BeforeAll
    static void open() {
        fp32 = TestModels.open(TestModels.FP32, "unet");
        fp16 = TestModels.open(TestModels.FP16, "unet");
    }

    @AfterAll
    static void close() {
        fp32.close();
        fp16.close();
    }

    @Test
    void float32GivesFiniteNoiseOfTheLatentShape() {
        Tensor out = fp32.run(inputs(32, 32, Tensor.ofFloats(new float[] {916.284f, 916.284f}, 2))).get("out_sample");
        assertArrayEquals(new long[] {2, 4, 32, 32}, out.shape());
        assertTrue(TestModels.allFinite(out.floats()));
        assertNotEquals(0f, std(out.floats()), "a constant output means the inputs did not reach the graph");
    }

    @Test
    void float16WithAFloatTimestepAgreesWithFloat32() {
        // the fp16 graph declares an int64 timestep: 916.7 is truncated to 916, which fp32 gets exactly
        Tensor half = fp16.run(inputs(32, 32, Tensor.ofFloats(new float[] {916.7f, 916.7f}, 2))).get("out_sample");
        Tensor full = fp32.run(inputs(32, 32, Tensor.ofFloats(new float[] {916f, 916f}, 2))).get("out_sample");
        assertArrayEquals(new long[] {2, 4, 32, 32}, half.shape());
        assertTrue(TestModels.allFinite(half.floats()));
        float diff = TestModels.maxAbsDiff(full.floats(), half.floats());
        System.out.printf("[onnx] unet 2x4x32x32 fp16 vs fp32: max |diff| %.2e (output std %.3f)%n",
                diff, std(full.floats()));
        assertTrue(diff <= FP16_VS_FP32_TOLERANCE, "fp16 off fp32 by " + diff);
    }

    @Test
    void float16TruncatesAFractionalTimestepTowardZero() {
        float[] truncated = fp16.run(inputs(32, 32, Tensor.ofFloats(new float[] {916.7f, 916.7f}, 2)))
                .get("out_sample").floats();
        float[] integer = fp16.run(inputs(32, 32, Tensor.ofLongs(new long[] {916, 916}, 2))).get("out_sample").floats();
        float[] rounded = fp16.run(inputs(32, 32, Tensor.ofLongs(new long[] {917, 917}, 2))).get("out_sample").floats();
        assertArrayEquals(integer, truncated, 0f);
        assertTrue(TestModels.maxAbsDiff(rounded, truncated) > 0, "timestep 917 should change the output");
    }

    @Test
    void repeatedCallsReuseInputBuffersWithoutMixingShapes() {
        Map<String, Tensor> square = inputs(32, 32, Tensor.ofFloats(new float[] {500f, 500f}, 2));
        float[] first = fp32.run(square).get("out_sample").floats();
        Tensor wide = fp32.run(inputs(32, 48, Tensor.ofFloats(new float[] {500f, 500f}, 2))).get("out_sample");
        assertArrayEquals(new long[] {2, 4, 32, 48}, wide.shape());
        float[] again = fp32.run(square).get("out_sample").floats();
        assertArrayEquals(first, again, 0f);
        assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(wide.floats()));
    }

    @Test
    void logsTheTimeOfOneBatch2Call512x512() {
        // fp32 only: on the CPU an fp16 call takes seconds (float16 MatMul kernels), too long for a unit test
        time("fp32", fp32, 5);
    }

    private static void time(String label, InferenceSession unet, int calls) {
        Map<String, Tensor> inputs = inputs(64, 64, Tensor.ofFloats(new float[] {500f, 500f}, 2));
        // the first call of a session sets up its kernels; it also shows 512x512 images work
        assertArrayEquals(new long[] {2, 4, 64, 64}, unet.run(inputs).get("out_sample").shape());
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            unet.run(inputs);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("[onnx] unet %s batch 2 64x64 latent (512x512 image), CPU 2 threads: median %d ms,"
                + " best %d ms over %d calls%n", label, nanos[calls / 2] / 1_000_000, nanos[0] / 1_000_000, calls);
    }

    /** Batch 2 latents of {@code height x width}, text embeddings of 77 tokens, and the given timesteps. */
    private static Map<String, Tensor> inputs(int height, int width, Tensor timestep) {
        return Map.of(
                "sample", Tensor.ofFloats(TestModels.noise(2 * 4 * height * width, 1), 2, 4, height, width),
                "timestep", timestep,
                "encoder_hidden_states", Tensor.ofFloats(TestModels.noise(2 * 77 * 32, 2), 2, 77, 32));
    }

    private static float std(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return (float) Math.sqrt(squares / values.length - mean * mean);
    }
}
