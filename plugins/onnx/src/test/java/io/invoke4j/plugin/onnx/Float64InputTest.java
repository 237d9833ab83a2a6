package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CodeFormer declares its fidelity input {@code weight} as float64 (ONNX Runtime refuses a float32 tensor there):
 * the engine reports the dtype and converts the float values it is given.
 */
class Float64InputTest {

    @Test
    void codeFormersFloat64WeightIsDeclaredAndFed() {
        try (InferenceSession codeformer = new OnnxEngine().open(
                TestModels.root().resolve("models/postprocess/codeformer.onnx"), TestModels.CPU)) {
            TensorInfo weight = codeformer.inputs().stream().filter(i -> i.name().equals("weight")).findFirst()
                    .orElseThrow();
            assertEquals(DType.FLOAT64, weight.dtype());
            assertArrayEquals(new long[] {1}, weight.shape());

            float[] face = new float[3 * 512 * 512];
            for (int i = 0; i < face.length; i++) {
                face[i] = (i % 251) / 125f - 1f;
            }
            Tensor input = Tensor.ofFloats(face, 1, 3, 512, 512);
            float[] quality = codeformer.run(Map.of("input", input, "weight", Tensor.ofFloats(new float[] {0f}, 1)))
                    .get("output").floats();
            float[] fidelity = codeformer.run(Map.of("input", input, "weight", Tensor.ofFloats(new float[] {1f}, 1)))
                    .get("output").floats();
            double largest = 0;
            for (int i = 0; i < quality.length; i++) {
                largest = Math.max(largest, Math.abs(quality[i] - fidelity[i]));
            }
            assertTrue(largest > 1e-4, "the output depends on the weight, so it arrived: " + largest);
        }
    }
}
