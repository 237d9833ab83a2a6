package io.invoke4j.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-processing entries of models.yaml, beside the Stable Diffusion entries. */
class PostprocessCatalogTest {
    @TempDir
    Path root;

    private static final String YAML = """
            tiny-sd:
              path: models/tiny-sd
              upscaler: realesrgan-x2
              face_restorer: codeformer
              default: true
            realesrgan-x2:
              description: the x2 model
              format: upscaler
              type: realesrgan
              path: models/postprocess/RealESRGAN_x2plus.onnx
              tile: 256
            lanczos:
              format: upscaler
            codeformer:
              format: face_restorer
              path: /abs/codeformer.onnx
              engine: djl
              detector: retinaface
              fidelity: 0.5
            retinaface:
              format: face_detector
              path: models/postprocess/retinaface_mobilenet0.25.onnx
              threshold: 0.4
            """;

    private Path write(String yaml) throws IOException {
        Path file = root.resolve("configs/models.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void readsTheEntriesWithAPostprocessingFormat() throws IOException {
        PostprocessCatalog catalog = PostprocessCatalog.load(write(YAML), root);
        assertEquals(List.of("realesrgan-x2", "lanczos", "codeformer", "retinaface"),
                catalog.entries().stream().map(PostprocessEntry::name).toList());
        PostprocessEntry x2 = catalog.find("realesrgan-x2", PostprocessCatalog.UPSCALER).orElseThrow();
        assertEquals("realesrgan", x2.type());
        assertEquals(root.resolve("models/postprocess/RealESRGAN_x2plus.onnx"), x2.path());
        assertNull(x2.engine(), "the engine of the model in use");
        assertEquals(Map.of("tile", "256"), x2.settings());
        PostprocessEntry lanczos = catalog.find("lanczos").orElseThrow();
        assertEquals("lanczos", lanczos.type(), "the type is the name unless given");
        assertNull(lanczos.path());
        PostprocessEntry codeformer = catalog.find("codeformer", PostprocessCatalog.FACE_RESTORER).orElseThrow();
        assertEquals(Path.of("/abs/codeformer.onnx"), codeformer.path());
        assertEquals("djl", codeformer.engine());
        assertEquals(Map.of("detector", "retinaface", "fidelity", "0.5"), codeformer.settings());
        assertTrue(catalog.find("codeformer", PostprocessCatalog.UPSCALER).isEmpty());
    }

    @Test
    void aFieldThatIsNoWordIsOneLineNamingEntryAndField() throws IOException {
        Path file = write(YAML + """
                bad:
                  format: upscaler
                  tile: [1, 2]
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> PostprocessCatalog.load(file, root));
        assertEquals(file + ": model 'bad' field 'tile' should be a word, a number or a path, not a list or a set of"
                + " fields", e.getMessage());
    }

    @Test
    void theModelCatalogLeavesThemOut() throws IOException {
        ModelCatalog models = ModelCatalog.load(write(YAML), root);
        assertEquals(List.of("tiny-sd"), models.entries().stream().map(ModelEntry::name).toList());
        assertEquals("realesrgan-x2", models.select(null).upscaler());
        assertEquals("codeformer", models.select(null).faceRestorer());
    }

    @Test
    void aFileOfPostprocessingModelsAloneHasNoModels() throws IOException {
        Path file = write("""
                lanczos:
                  format: upscaler
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ModelCatalog.load(file, root));
        assertEquals(file + ": no models defined", e.getMessage());
    }

    @Test
    void gfpganModelPathReplacesGfpgansFile() throws IOException {
        PostprocessCatalog catalog = PostprocessCatalog.load(write(YAML + """
                gfpgan:
                  format: face_restorer
                  path: models/postprocess/GFPGANv1.4.onnx
                  detector: retinaface
                """), root);
        PostprocessCatalog changed = catalog.withGfpganModel("/elsewhere/GFPGANv1.3.onnx", null);
        assertEquals(Path.of("/elsewhere/GFPGANv1.3.onnx"), changed.find("gfpgan").orElseThrow().path());
        assertEquals(Map.of("detector", "retinaface"), changed.find("gfpgan").orElseThrow().settings());
        assertEquals(catalog.find("codeformer"), changed.find("codeformer"), "other restorers keep theirs");
        // --gfpgan_dir: the path is relative to it
        assertEquals(Path.of("/opt/gfpgan/experiments/GFPGANv1.4.onnx"),
                catalog.withGfpganModel("experiments/GFPGANv1.4.onnx", "/opt/gfpgan").find("gfpgan").orElseThrow()
                        .path());
        assertEquals(catalog, catalog.withGfpganModel(null, "/opt/gfpgan"));
    }

    @Test
    void gfpganModelPathAddsAnEntryWhenThereIsNone() throws IOException {
        PostprocessCatalog changed = PostprocessCatalog.load(write(YAML), root).withGfpganModel("/g/GFPGAN.onnx", null);
        PostprocessEntry gfpgan = changed.find("gfpgan", PostprocessCatalog.FACE_RESTORER).orElseThrow();
        assertEquals(Path.of("/g/GFPGAN.onnx"), gfpgan.path());
        assertEquals("gfpgan", gfpgan.type());
        assertEquals(Map.of("detector", "retinaface"), gfpgan.settings());
    }

    @Test
    void theBundledCatalogueNamesFilesThatExist() {
        Path repository = Path.of(System.getProperty("invoke4j.root", "..")).toAbsolutePath();
        PostprocessCatalog bundled = PostprocessCatalog.load(repository.resolve("configs/models.yaml"), repository);
        for (String name : List.of("realesrgan", "realesrgan-x2plus", "gfpgan", "codeformer", "retinaface")) {
            PostprocessEntry entry = bundled.find(name).orElseThrow(() -> new AssertionError("no entry " + name));
            assertTrue(Files.isRegularFile(entry.path()), entry.toString());
        }
        ModelEntry model = ModelCatalog.load(repository.resolve("configs/models.yaml"), repository).select(null);
        assertEquals("tiny-sd", model.name());
    }
}
