package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The post-processing models run through the djl engine too: CodeFormer takes its fidelity as float64. */
class PostprocessModelTest {
    @Test
    void codeFormersFloat64FidelityGoesIn() {
        try (InferenceSession codeformer = new DjlEngine().open(
                TestModels.root().resolve("models/postprocess/codeformer.onnx"), TestModels.CPU)) {
            assertEquals(DType.FLOAT64, codeformer.inputs().stream().filter(i -> i.name().equals("weight"))
                    .findFirst().orElseThrow().dtype());
            float[] face = new float[3 * 512 * 512];
            for (int i = 0; i < face.length; i++) {
                face[i] = (float) Math.sin(i * 0.001);
            }
            Map<String, Tensor> out = codeformer.run(Map.of(
                    "input", Tensor.ofFloats(face, 1, 3, 512, 512),
                    "weight", Tensor.ofFloats(new float[] {0.7f}, 1)));
            Tensor restored = out.get("output");
            assertArrayEquals(new long[] {1, 3, 512, 512}, restored.shape());
            for (float v : restored.floats()) {
                assertTrue(v >= -1 && v <= 1, "tanh output in [-1, 1]: " + v);
            }
        }
    }
}
