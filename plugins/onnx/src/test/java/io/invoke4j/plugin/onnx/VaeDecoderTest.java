package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The VAE decoder turns h x w latents into an 8h x 8w RGB image. */
class VaeDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {TestModels.FP32, TestModels.FP16})
    void decodesToEightTimesTheLatentSize(String folder) {
        try (InferenceSession decoder = TestModels.open(folder, "vae_decoder")) {
            float[] latents = TestModels.noise(4 * 8 * 12, 3);
            Tensor image = decoder.run(Map.of("latent_sample", Tensor.ofFloats(latents, 1, 4, 8, 12))).get("sample");
            assertArrayEquals(new long[] {1, 3, 64, 96}, image.shape());
            assertTrue(TestModels.allFinite(image.floats()));
        }
    }
}
