package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.InferenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a model path names, and which of DJL's engines reads it. */
class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void anOnnxComponentFolderIsReadByOnnxRuntime() {
        ModelFile file = ModelFile.find(TestModels.component(TestModels.FP32, "unet"));
        assertEquals(ModelFile.Format.ONNX, file.format());
        assertEquals("model.onnx", file.path().getFileName().toString());
    }

    @Test
    void aTorchScriptComponentFolderIsReadByPyTorch() {
        ModelFile file = ModelFile.find(TestModels.component(TestModels.TORCHSCRIPT, "unet"));
        assertEquals(ModelFile.Format.TORCHSCRIPT, file.format());
        assertEquals("model.pt", file.path().getFileName().toString());
    }

    @Test
    void aFolderWithBothIsReadAsOnnx() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "x");
        Files.writeString(dir.resolve("model.pt"), "x");
        assertEquals(ModelFile.Format.ONNX, ModelFile.find(dir).format());
    }

    @Test
    void aFileIsTakenByItsExtensionOrElseByItsContent() throws IOException {
        Path archive = TestModels.component(TestModels.TORCHSCRIPT, "vae_decoder").resolve("model.pt");
        Path unnamed = Files.copy(archive, dir.resolve("decoder.bin"));
        assertEquals(ModelFile.Format.TORCHSCRIPT, ModelFile.find(unnamed).format());
        assertEquals(ModelFile.Format.TORCHSCRIPT, ModelFile.find(archive).format());
        Path graph = Files.writeString(dir.resolve("graph.bin"), "not a zip");
        assertEquals(ModelFile.Format.ONNX, ModelFile.find(graph).format());
    }

    @Test
    void aFolderWithoutAModelSaysWhatItLooksFor() {
        InferenceException e = assertThrows(InferenceException.class, () -> ModelFile.find(dir));
        assertTrue(e.getMessage().startsWith("engine djl finds neither model.onnx nor model.pt in " + dir),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aMissingPathIsNamed() {
        InferenceException e = assertThrows(InferenceException.class, () -> ModelFile.find(dir.resolve("none")));
        assertTrue(e.getMessage().contains(dir.resolve("none").toString()), e.getMessage());
    }
}
