package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening models: paths, devices, the PF4J extension, and the errors a user sees. */
class OnnxEngineTest {

    private final OnnxEngine engine = new OnnxEngine();

    @Test
    void isThePf4jExtensionNamedOnnx() throws IOException {
        assertEquals("onnx", engine.name());
        StringBuilder index = new StringBuilder();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                index.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(index.toString().contains(OnnxEngine.class.getName()),
                "PF4J finds extensions through META-INF/extensions.idx: " + index);
    }

    @Test
    void opensAComponentFolderOrItsModelFile() {
        Path folder = TestModels.component(TestModels.FP32, "vae_decoder");
        try (InferenceSession byFolder = engine.open(folder, TestModels.CPU);
                InferenceSession byFile = engine.open(folder.resolve("model.onnx"), EngineOptions.defaults())) {
            assertEquals(byFolder.inputs(), byFile.inputs());
            assertEquals(byFolder.outputs(), byFile.outputs());
        }
    }

    @Test
    void aMissingModelFileIsNamedInOneLine() {
        Path missing = TestModels.root().resolve("models/no-such-model/unet");
        InferenceException e = assertThrows(InferenceException.class, () -> engine.open(missing, TestModels.CPU));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path noModelInside = TestModels.component(TestModels.FP32, "tokenizer");
        e = assertThrows(InferenceException.class, () -> engine.open(noModelInside, TestModels.CPU));
        assertTrue(e.getMessage().contains(noModelInside.resolve("model.onnx").toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotOnnxFailsWithItsPath() {
        Path notOnnx = TestModels.root().resolve("models").resolve(TestModels.FP32).resolve("model_index.json");
        InferenceException e = assertThrows(InferenceException.class, () -> engine.open(notOnnx, TestModels.CPU));
        assertTrue(e.getMessage().startsWith("cannot open ONNX model " + notOnnx), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingInputIsNamedWithTheDeclaredOnes() {
        try (InferenceSession unet = TestModels.open(TestModels.FP32, "unet")) {
            Map<String, Tensor> inputs = new HashMap<>();
            inputs.put("sample", Tensor.ofFloats(new float[2 * 4 * 8 * 8], 2, 4, 8, 8));
            inputs.put("encoder_hidden_states", Tensor.ofFloats(new float[2 * 77 * 32], 2, 77, 32));
            InferenceException e = assertThrows(InferenceException.class, () -> unet.run(inputs));
            assertTrue(e.getMessage().contains("missing input 'timestep'"), e.getMessage());
            assertTrue(e.getMessage().contains("sample float32[-1, -1, -1, -1], timestep float32[-1],"
                    + " encoder_hidden_states float32[-1, -1, 32]"), e.getMessage());

            inputs.put("timestep", Tensor.ofFloats(new float[] {1, 1}, 2));
            inputs.put("timesteps", Tensor.ofFloats(new float[] {1, 1}, 2));
            e = assertThrows(InferenceException.class, () -> unet.run(inputs));
            assertTrue(e.getMessage().contains("unknown input 'timesteps'"), e.getMessage());
        }
    }

    @Test
    void aShapeTheModelRejectsGivesOneLine() {
        try (InferenceSession decoder = TestModels.open(TestModels.FP32, "vae_decoder")) {
            // 3 channels where the graph's first convolution needs 4
            Tensor latents = Tensor.ofFloats(new float[3 * 8 * 8], 1, 3, 8, 8);
            InferenceException e = assertThrows(InferenceException.class,
                    () -> decoder.run(Map.of("latent_sample", latents)));
            assertTrue(e.getMessage().contains("vae_decoder"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aClosedSessionRefusesToRun() {
        InferenceSession decoder = TestModels.open(TestModels.FP32, "vae_decoder");
        decoder.close();
        decoder.close(); // closing twice is harmless
        InferenceException e = assertThrows(InferenceException.class,
                () -> decoder.run(Map.of("latent_sample", Tensor.ofFloats(new float[4 * 8 * 8], 1, 4, 8, 8))));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void anUnknownDeviceIsRefused() {
        Path unet = TestModels.component(TestModels.FP32, "unet");
        InferenceException e = assertThrows(InferenceException.class,
                () -> engine.open(unet, new EngineOptions("tpu", "auto", 0)));
        assertTrue(e.getMessage().contains("'tpu'"), e.getMessage());
        assertThrows(InferenceException.class, () -> engine.open(unet, new EngineOptions("cuda:x", "auto", 0)));
    }

    @Test
    void cudaWithoutTheCudaProviderFailsClearly() {
        assumeFalse(SessionOptionsFactory.cudaAvailable(), "this ONNX Runtime build has CUDA");
        Path unet = TestModels.component(TestModels.FP32, "unet");
        InferenceException e = assertThrows(InferenceException.class,
                () -> engine.open(unet, new EngineOptions("cuda:1", "auto", 0)));
        assertTrue(e.getMessage().contains("cuda:1") && e.getMessage().contains("CUDA provider"), e.getMessage());
    }

    @Test
    void autoFallsBackToTheCpuWithoutCuda() {
        assumeFalse(SessionOptionsFactory.cudaAvailable(), "this ONNX Runtime build has CUDA");
        try (InferenceSession decoder = engine.open(TestModels.component(TestModels.FP32, "vae_decoder"),
                new EngineOptions("auto", "auto", 1))) {
            Tensor image = decoder.run(Map.of("latent_sample", Tensor.ofFloats(new float[4 * 8 * 8], 1, 4, 8, 8)))
                    .get("sample");
            assertEquals(64, image.dim(2));
        }
    }
}
