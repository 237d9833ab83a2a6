package io.invoke4j.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.invoke4j.api.ModelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models.yaml rewritten by the model commands: read back by the loader, nothing else lost. */
class ModelCatalogWriterTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("invoke4j.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    /** The shipped models.yaml, copied into {@code root/configs}. */
    private Path shipped() throws IOException {
        Path file = Files.createDirectories(root.resolve("configs")).resolve("models.yaml");
        return Files.copy(REPOSITORY.resolve("configs/models.yaml"), file);
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createDirectories(root.resolve("configs")).resolve("models.yaml");
        return Files.writeString(file, yaml);
    }

    private ModelCatalogWriter writer(Path file) {
        return new ModelCatalogWriter(file, root);
    }

    private static ModelSettings settings(String name, Path path, boolean isDefault) {
        return new ModelSettings(name, "imported", path, 640, 384, isDefault);
    }

    @Test
    void theShippedCatalogueKeepsEveryEntryAndFieldAndReadsBackWithTheNewModel() throws IOException {
        Path file = shipped();
        String before = Files.readString(file);
        ModelCatalog models = ModelCatalog.load(file, root);
        PostprocessCatalog postprocess = PostprocessCatalog.load(file, root);
        ModelCatalogWriter writer = writer(file);

        writer.write(writer.withEntry(settings("mine", root.resolve("models/mine"), false)));

        ModelCatalog reread = ModelCatalog.load(file, root);
        assertEquals(List.of("tiny-sd", "tiny-sd-fp16", "tiny-sd-torchscript", "mine"),
                reread.entries().stream().map(ModelEntry::name).toList());
        assertEquals(models.entries(), reread.entries().subList(0, 3));
        assertEquals(new ModelEntry("mine", "imported", root.resolve("models/mine"), "diffusers-onnx", "onnx", "auto",
                null, 640, 384, null, null, false), reread.find("mine").orElseThrow());
        assertEquals(postprocess.entries(), PostprocessCatalog.load(file, root).entries());
        String text = Files.readString(file);
        assertTrue(text.startsWith(ModelCatalogWriter.PREAMBLE), text);
        assertTrue(text.contains("\nmine:\n  description: imported\n  format: diffusers-onnx\n  path: models/mine\n"
                + "  width: 640\n  height: 384\n\nrealesrgan:\n"), "the new model comes before the post-processing"
                + " entries, its path relative to the root:\n" + text);
        assertEquals(before, Files.readString(writer.backup()), "the file replaced is kept");
    }

    @Test
    void editingChangesItsFieldsInPlaceAndKeepsTheOthers() throws IOException {
        Path file = shipped();
        ModelCatalogWriter writer = writer(file);
        writer.write(writer.withEntry(new ModelSettings("tiny-sd-fp16", "edited", Path.of("/elsewhere/fp16"), 256,
                768, false)));
        ModelCatalog reread = ModelCatalog.load(file, root);
        assertEquals(List.of("tiny-sd", "tiny-sd-fp16", "tiny-sd-torchscript"),
                reread.entries().stream().map(ModelEntry::name).toList());
        assertEquals(new ModelEntry("tiny-sd-fp16", "edited", Path.of("/elsewhere/fp16"), "diffusers-onnx", "onnx",
                "float16", "k_lms", 256, 768, null, null, false, Map.of("float32", root.resolve("models/tiny-sd"))),
                reread.find("tiny-sd-fp16").orElseThrow());
        assertEquals("tiny-sd", reread.select(null).name());
    }

    @Test
    void makingAModelTheDefaultTakesTheMarkFromTheOthers() throws IOException {
        Path file = write("""
                a:
                  path: models/a
                  default: true
                b:
                  path: models/b
                """);
        ModelCatalogWriter writer = writer(file);
        writer.write(writer.withEntry(settings("c", root.resolve("models/c"), true)));
        ModelCatalog reread = ModelCatalog.load(file, root);
        assertEquals("c", reread.select(null).name());
        assertEquals(List.of(false, false, true), reread.entries().stream().map(ModelEntry::isDefault).toList());

        writer.write(writer.withEntry(settings("c", root.resolve("models/c"), false)));
        assertFalse(Files.readString(file).contains("default: true"), Files.readString(file));
        assertEquals("a", ModelCatalog.load(file, root).select(null).name(), "without a mark the first is used");
    }

    @Test
    void deletingRemovesThatEntryOnly() throws IOException {
        Path file = shipped();
        ModelCatalogWriter writer = writer(file);
        PostprocessCatalog postprocess = PostprocessCatalog.load(file, root);
        writer.write(writer.without("tiny-sd-torchscript"));
        assertEquals(List.of("tiny-sd", "tiny-sd-fp16"),
                ModelCatalog.load(file, root).entries().stream().map(ModelEntry::name).toList());
        assertEquals(postprocess.entries(), PostprocessCatalog.load(file, root).entries());
        ConfigException e = assertThrows(ConfigException.class, () -> writer.without("nope"));
        assertEquals(file + ": has no model 'nope'", e.getMessage());
    }

    @Test
    void aPathOutsideTheRootIsWrittenAbsoluteAndAnAwkwardDescriptionReadsBack() throws IOException {
        Path file = write("a:\n  path: models/a\n");
        ModelCatalogWriter writer = writer(file);
        String description = "SD 1.5: \"fine-tuned\" # not a comment, 'quoted' \\ and 512";
        writer.write(writer.withEntry(new ModelSettings("b", description, Path.of("/opt/models/b"), 512, 512, false)));
        ModelEntry b = ModelCatalog.load(file, root).find("b").orElseThrow();
        assertEquals(Path.of("/opt/models/b"), b.path());
        assertEquals(description, b.description());
        assertTrue(Files.readString(file).contains("  path: /opt/models/b\n"), Files.readString(file));
    }

    @Test
    void aReadOnlyFileIsOneLineAndStaysAsItWas() throws IOException {
        Path file = write("a:\n  path: models/a\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(file), "root may write any file");
        ModelCatalogWriter writer = writer(file);
        String text = writer.withEntry(settings("b", root.resolve("models/b"), false));
        ConfigException e = assertThrows(ConfigException.class, () -> writer.write(text));
        assertEquals(file + ": cannot be written (read-only)", e.getMessage());
        assertEquals("a:\n  path: models/a\n", Files.readString(file));
    }

    @Test
    void aFailedWriteIsOneLineAndLeavesTheFileAndNoTemporaryFile() throws IOException {
        Path file = write("a:\n  path: models/a\n");
        ModelCatalogWriter writer = writer(file);
        String text = writer.withEntry(settings("b", root.resolve("models/b"), false));
        // a folder where the backup goes fails the write whoever runs it (root too)
        Files.writeString(Files.createDirectories(writer.backup()).resolve("in-the-way"), "");
        ConfigException e = assertThrows(ConfigException.class, () -> writer.write(text));
        assertTrue(e.getMessage().startsWith(file + ": cannot be written ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("a:\n  path: models/a\n", Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file, writer.backup()), left.sorted().toList());
        }
    }
}
