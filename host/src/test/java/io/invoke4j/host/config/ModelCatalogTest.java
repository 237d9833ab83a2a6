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
                .endsWith("model 'a' has format 'ckpt'; invoke4j runs diffusers-onnx folders"));
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
}
