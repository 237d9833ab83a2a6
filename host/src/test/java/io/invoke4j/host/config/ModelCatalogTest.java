package io.invoke4j.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @TempDir
    Path root;

    private Path write(String yaml) throws IOException {
        Path file = root.resolve("configs/models.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void readsInvokeAiAndInvoke4jFieldsInFileOrder() throws IOException {
        Path file = write("""
                first:
                  description: one
                  path: models/one
                  width: 256
                  height: 384
                second:
                  description: two
                  path: /abs/two
                  engine: djl
                  precision: float16
                  sampler: ddim
                  default: true
                """);
        ModelCatalog catalog = ModelCatalog.load(file, root);
        assertEquals(List.of("first", "second"), catalog.entries().stream().map(ModelEntry::name).toList());
        ModelEntry first = catalog.entries().get(0);
        assertEquals(root.resolve("models/one"), first.path());
        assertEquals(256, first.width());
        assertEquals(384, first.height());
        assertEquals("onnx", first.engine());
        assertEquals("diffusers-onnx", first.format());
        ModelEntry second = catalog.select(null);
        assertEquals("second", second.name());
        assertEquals(Path.of("/abs/two"), second.path());
        assertEquals("djl", second.engine());
        assertEquals("float16", second.precision());
        assertEquals("ddim", second.sampler());
        assertEquals(512, second.width());
    }

    @Test
    void withoutADefaultEntryTheFirstIsUsed() throws IOException {
        ModelCatalog catalog = ModelCatalog.load(write("a:\n  path: x\nb:\n  path: y\n"), root);
        assertEquals("a", catalog.select(null).name());
        assertEquals("b", catalog.select("b").name());
    }

    @Test
    void anUnknownModelNameListsTheKnownOnes() throws IOException {
        ModelCatalog catalog = ModelCatalog.load(write("a:\n  path: x\nb:\n  path: y\n"), root);
        ConfigException e = assertThrows(ConfigException.class, () -> catalog.select("c"));
        assertEquals("\"c\" is not a known model name. Please check your models.yaml file (known: a, b)", e.getMessage());
    }

    @Test
    void faultsAreOneLineNamingTheFile() throws IOException {
        Path missing = root.resolve("nope.yaml");
        assertEquals(missing + ": model configuration file not found",
                assertThrows(ConfigException.class, () -> ModelCatalog.load(missing, root)).getMessage());
        Path noPath = write("a:\n  description: no path\n");
        assertEquals(noPath + ": model 'a' has no path",
                assertThrows(ConfigException.class, () -> ModelCatalog.load(noPath, root)).getMessage());
        Path badFormat = write("a:\n  path: x\n  format: ckpt\n");
        assertTrue(assertThrows(ConfigException.class, () -> ModelCatalog.load(badFormat, root)).getMessage()
                .endsWith("model 'a' field 'format': 'ckpt' is not one invoke4j runs (diffusers-onnx or diffusers-torchscript)"));
        Path notYaml = write("a: [unclosed\n");
        String message = assertThrows(ConfigException.class, () -> ModelCatalog.load(notYaml, root)).getMessage();
        assertTrue(message.startsWith(notYaml + ": not a valid models.yaml: "), message);
        Path empty = write("");
        assertEquals(empty + ": no models defined",
                assertThrows(ConfigException.class, () -> ModelCatalog.load(empty, root)).getMessage());
    }

    @Test
    void theShippedCatalogueDefaultsToTheBundledTinyModel() {
        Path repo = Path.of(System.getProperty("invoke4j.root", ".."));
        ModelCatalog catalog = ModelCatalog.load(repo.resolve("configs/models.yaml"), repo);
        ModelEntry model = catalog.select(null);
        assertEquals("tiny-sd", model.name());
        assertTrue(Files.isDirectory(model.path().resolve("unet")), model.path().toString());
        assertTrue(Files.isDirectory(catalog.select("tiny-sd-fp16").path().resolve("unet")));
    }

    private String fault(String yaml) throws IOException {
        Path file = write(yaml);
        String message = assertThrows(ConfigException.class, () -> ModelCatalog.load(file, root)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
        return message.substring(file.toString().length() + 2);
    }

    @Test
    void everyFieldIsCheckedAndAFaultNamesTheEntryAndTheField() throws IOException {
        assertEquals("model 'a' field 'widht' is not a models.yaml field (known: description, path, format, engine, "
                + "precision, sampler, width, height, upscaler, face_restorer, default, variants)",
                fault("a:\n  path: x\n  widht: 512\n"));
        assertEquals("model 'a' field 'width' should be a whole number of pixels, not 'wide'",
                fault("a:\n  path: x\n  width: wide\n"));
        assertEquals("model 'a' field 'height' should be a whole number of pixels, not '512.5'",
                fault("a:\n  path: x\n  height: 512.5\n"));
        assertEquals("model 'a' field 'width' should be between 64 and 2048, not 4096",
                fault("a:\n  path: x\n  width: 4096\n"));
        assertEquals("model 'a' field 'default' should be true or false, not 'yes please'",
                fault("a:\n  path: x\n  default: yes please\n"));
        assertEquals("model 'a' field 'precision': 'float8' is not auto, float32 or float16",
                fault("a:\n  path: x\n  precision: float8\n"));
        assertEquals("model 'a' field 'engine' should be a word or a path, not a list or a set of fields",
                fault("a:\n  path: x\n  engine: [onnx, djl]\n"));
        assertEquals("model 'a' field 'description' should be a word or a path, not ''",
                fault("a:\n  path: x\n  description: ''\n"));
        assertEquals("model 'a' field 'variants': 'bfloat16' is not float32 or float16",
                fault("a:\n  path: x\n  variants:\n    bfloat16: y\n"));
        assertEquals("model 'a' field 'variants' should map float16/float32 to a folder, not 'y'",
                fault("a:\n  path: x\n  variants: y\n"));
        assertEquals("model 'a' has no settings", fault("a:\n"));
        assertEquals("model 'a' should be a set of fields (description, path, ...), not 'models/x'",
                fault("a: models/x\n"));
        assertEquals("models 'a' and 'b' are all marked default: true; mark one",
                fault("a:\n  path: x\n  default: true\nb:\n  path: y\n  default: true\n"));
        assertEquals("not a valid models.yaml: expected model names, each with its settings", fault("- a\n- b\n"));
    }

    @Test
    void invokeAisCheckpointFieldsSayToExportToOnnx() throws IOException {
        String message = fault("sd-1.4:\n  config: configs/stable-diffusion/v1-inference.yaml\n"
                + "  weights: models/ldm/stable-diffusion-v1/model.ckpt\n  width: 512\n  height: 512\n");
        assertEquals("model 'sd-1.4' field 'config': InvokeAI's checkpoint fields are not read; give path: a "
                + "diffusers-ONNX folder (README: Using a real model)", message);
    }

    @Test
    void readsTheNewerFields() throws IOException {
        ModelCatalog catalog = ModelCatalog.load(write("""
                a:
                  path: models/a
                  upscaler: realesrgan
                  face_restorer: codeformer
                  format: diffusers-torchscript
                  precision: float32
                  variants:
                    float16: models/a-fp16
                """), root);
        ModelEntry a = catalog.select("a");
        assertEquals("realesrgan", a.upscaler());
        assertEquals("codeformer", a.faceRestorer());
        assertEquals("diffusers-torchscript", a.format());
        assertEquals(java.util.Map.of("float16", root.resolve("models/a-fp16")), a.variants());
    }

    @Test
    void theCommentedRealModelExampleIsAValidEntry() throws IOException {
        Path repo = Path.of(System.getProperty("invoke4j.root", ".."));
        String shipped = Files.readString(repo.resolve("configs/models.yaml"));
        StringBuilder example = new StringBuilder();
        boolean in = false;
        for (String line : shipped.split("\n")) {
            in |= line.startsWith("# stable-diffusion-1.5:");
            if (in && line.startsWith("# ")) {
                example.append(line.substring(2)).append('\n');
            }
        }
        ModelEntry sd = ModelCatalog.load(write(example.toString()), root).select("stable-diffusion-1.5");
        assertEquals(root.resolve("models/stable-diffusion-1.5-onnx"), sd.path());
        assertEquals("onnx", sd.engine());
        assertEquals(512, sd.width());
    }

    @Test
    void theWeightsFolderJoinsTheCatalogueFirst() throws IOException {
        ModelCatalog catalog = ModelCatalog.load(write("a:\n  path: x\n"), root)
                .plus(ModelEntry.forFolder(root.resolve("my-model")));
        assertEquals(List.of("my-model", "a"), catalog.entries().stream().map(ModelEntry::name).toList());
        assertEquals(root.resolve("my-model"), catalog.select("my-model").path());
    }
}
