package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.DType;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's contract: declared inputs, dtype conversion, sessions run many times, one-line failures. */
class DjlEngineTest {

    @TempDir
    Path dir;

    @Test
    void isNamedDjl() {
        assertEquals("djl", new DjlEngine().name());
    }

    @Test
    void runsOfflineWithTheNativesFromItsJars() {
        try (InferenceSession unet = TestModels.open(TestModels.TORCHSCRIPT, "unet")) {
            // the PyTorch engine is up: libtorch came out of pytorch-native-cpu's jar, not from a download
            assertEquals("true", System.getProperty(DjlSettings.OFFLINE));
            assertTrue(ai.djl.util.Utils.isOfflineMode());
            assertTrue(ai.djl.engine.Engine.getEngine(DjlEngines.PYTORCH).getVersion().startsWith("2.7.1"));
            Tensor out = unet.run(BackendAgreementTest.unetInputs(Tensor.ofFloats(new float[] {500f, 500f}, 2)))
                    .get("output_0");
            assertArrayEquals(new long[] {2, 4, 32, 32}, out.shape());
        }
    }

    @Test
    void torchScriptInputsAreNamedAfterForwardsArgumentsAndIdsGoInAsIndices() {
        try (InferenceSession text = TestModels.open(TestModels.TORCHSCRIPT, "text_encoder")) {
            assertEquals("input_ids", text.inputs().get(0).name());
            assertEquals(List.of("output_0", "output_1"), text.outputs().stream().map(o -> o.name()).toList());
            // ids as longs reach libtorch as int64 (an embedding lookup refuses floats); 16 tokens work as 77 do
            long[] ids = new long[16];
            java.util.Arrays.fill(ids, 49407);
            ids[0] = 49406;
            Map<String, Tensor> out = text.run(Map.of("input_ids", Tensor.ofLongs(ids, 1, 16)));
            assertArrayEquals(new long[] {1, 16, 32}, out.get("output_0").shape());
            assertArrayEquals(new long[] {1, 32}, out.get("output_1").shape());
        }
    }

    @Test
    void anIntegerTimestepTruncatesAFractionalOneTowardZero() {
        try (InferenceSession half = TestModels.open(TestModels.FP16, "unet")) {
            assertEquals(DType.INT64, half.inputs().get(1).dtype());
            float[] truncated = half.run(BackendAgreementTest.unetInputs(Tensor.ofFloats(new float[] {916.7f, 916.7f}, 2)))
                    .get("out_sample").floats();
            float[] integer = half.run(BackendAgreementTest.unetInputs(Tensor.ofLongs(new long[] {916, 916}, 2)))
                    .get("out_sample").floats();
            assertArrayEquals(integer, truncated, 0f);
        }
    }

    @Test
    void sessionsRunManyTimesAndChangeShapes() {
        for (String folder : List.of(TestModels.FP32, TestModels.TORCHSCRIPT)) {
            try (InferenceSession vae = TestModels.open(folder, "vae_decoder")) {
                String input = vae.inputs().get(0).name();
                String output = vae.outputs().get(0).name();
                Tensor square = Tensor.ofFloats(TestModels.noise(4 * 8 * 8, 5), 1, 4, 8, 8);
                float[] first = vae.run(Map.of(input, square)).get(output).floats();
                Tensor wide = vae.run(Map.of(input, Tensor.ofFloats(TestModels.noise(4 * 8 * 16, 6), 1, 4, 8, 16)))
                        .get(output);
                assertArrayEquals(new long[] {1, 3, 64, 128}, wide.shape(), folder);
                for (int i = 0; i < 20; i++) {
                    assertArrayEquals(first, vae.run(Map.of(input, square)).get(output).floats(), 0f, folder);
                }
            }
        }
    }

    @Test
    void aMissingOrUnknownInputIsNamed() {
        try (InferenceSession vae = TestModels.open(TestModels.TORCHSCRIPT, "vae_decoder")) {
            Tensor latents = Tensor.ofFloats(new float[4 * 8 * 8], 1, 4, 8, 8);
            InferenceException missing = assertThrows(InferenceException.class, () -> vae.run(Map.of()));
            assertTrue(missing.getMessage().contains("missing input 'latent_sample'"), missing.getMessage());
            Map<String, Tensor> extra = new HashMap<>(Map.of("latent_sample", latents, "noise", latents));
            InferenceException unknown = assertThrows(InferenceException.class, () -> vae.run(extra));
            assertTrue(unknown.getMessage().contains("unknown input 'noise'"), unknown.getMessage());
        }
    }

    @Test
    void aFileOnnxRuntimeCannotReadFailsInOneLineNamingItAndTheEngine() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "not a graph");
        assertOneLine(assertThrows(InferenceException.class, () -> new DjlEngine().open(dir, TestModels.CPU)),
                "engine djl (OnnxRuntime) cannot open " + dir.resolve("model.onnx"));
    }

    @Test
    void aFileLibtorchCannotReadFailsInOneLineNamingItAndTheEngine() throws IOException {
        Files.writeString(dir.resolve("model.pt"), "not an archive");
        assertOneLine(assertThrows(InferenceException.class, () -> new DjlEngine().open(dir, TestModels.CPU)),
                "engine djl (PyTorch) cannot read " + dir.resolve("model.pt"));
    }

    @Test
    void aBrokenArchiveFailsInOneLine() throws IOException {
        // a real archive's code with its tensors missing: the signature reads, libtorch's loader fails
        Path archive = TestModels.component(TestModels.TORCHSCRIPT, "vae_decoder").resolve("model.pt");
        Path broken = dir.resolve("model.pt");
        try (var in = new java.util.zip.ZipFile(archive.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (!entry.getName().contains("/data/")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        assertOneLine(assertThrows(InferenceException.class, () -> new DjlEngine().open(dir, TestModels.CPU)),
                "engine djl (PyTorch) cannot load " + broken);
    }

    @Test
    void seamlessIsRefusedInOneLine() {
        EngineOptions seamless = TestModels.CPU.withCircularPadding(true);
        InferenceException e = assertThrows(InferenceException.class,
                () -> new DjlEngine().open(TestModels.component(TestModels.FP32, "unet"), seamless));
        assertOneLine(e, "engine djl cannot pad convolutions circularly");
        assertTrue(e.getMessage().contains("engine onnx"), e.getMessage());
    }

    @Test
    void torchScriptOnAGpuIsRefusedInOneLine() {
        EngineOptions cuda = new EngineOptions("cuda", "auto", 0);
        assertOneLine(assertThrows(InferenceException.class,
                () -> new DjlEngine().open(TestModels.component(TestModels.TORCHSCRIPT, "unet"), cuda)),
                "engine djl runs TorchScript on the CPU only");
    }

    private static void assertOneLine(InferenceException e, String start) {
        System.out.println("[djl] " + e.getMessage());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}
