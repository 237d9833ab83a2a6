package io.invoke4j.host.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.api.ModelSummary;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's side of !import_model, !edit_model and !del_model: the file, then the catalogue in use. */
class CatalogEditorTest {
    private static final String CATALOGUE = """
            a:
              description: first
              path: models/a
              default: true
            b:
              path: models/b
            upscale:
              format: upscaler
              type: lanczos
            """;

    @TempDir
    Path root;
    private Path file;
    private final List<String> opened = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private ModelCache cache;
    private CatalogEditor editor;

    /** A folder with a diffusers model's parts (empty: nothing here opens them). */
    private Path modelFolder(String name) throws IOException {
        Path folder = root.resolve("models").resolve(name);
        for (String part : List.of("tokenizer", "scheduler", "text_encoder", "unet", "vae_decoder")) {
            Files.createDirectories(folder.resolve(part));
        }
        return folder;
    }

    private LoadedModel load(ModelEntry entry) {
        opened.add(entry.name() + "@" + root.relativize(entry.path()));
        return new LoadedModel(entry, "hash", null, null, null, null, () -> closed.add(entry.name()));
    }

    @BeforeEach
    void setUp() throws IOException {
        modelFolder("a");
        modelFolder("b");
        file = Files.writeString(Files.createDirectories(root.resolve("configs")).resolve("models.yaml"), CATALOGUE);
        ModelCatalog catalog = ModelCatalog.load(file, root);
        cache = new ModelCache(catalog, load(catalog.select(null)), (entry, messages) -> {
            messages.accept(">> Loading " + entry.name());
            return load(entry);
        }, 2);
        editor = new CatalogEditor(cache);
    }

    private List<String> names() {
        return cache.summaries().stream().map(ModelSummary::name).toList();
    }

    @Test
    void anImportedModelIsInTheFileAndInTheCatalogueAndSwitchesIn() throws IOException {
        Path folder = modelFolder("new-one");
        ModelSettings start = editor.newSettings(folder);
        assertEquals(new ModelSettings("new-one", "", folder, 512, 512, false), start);

        editor.save(new ModelSettings("mine", "imported", folder, 256, 256, false), messages::add);

        assertEquals(List.of("a", "b", "mine"), names());
        assertEquals(List.of("a", "b", "mine"),
                ModelCatalog.load(file, root).entries().stream().map(ModelEntry::name).toList());
        assertTrue(Files.readString(file).contains("mine:\n  description: imported\n  format: diffusers-onnx\n"
                + "  path: models/new-one\n"), Files.readString(file));
        cache.switchTo("mine", messages::add);
        assertEquals(256, cache.active().entry().width());
        assertEquals(List.of("a@models/a", "mine@models/new-one"), opened);
    }

    @Test
    void aFolderWithoutAModelsPartsIsRefusedAndNothingIsWritten() throws IOException {
        Path half = Files.createDirectories(root.resolve("models/half/tokenizer"));
        CommandException e = assertThrows(CommandException.class, () -> editor.newSettings(half.getParent()));
        assertEquals(half.getParent() + ": not a diffusers Stable Diffusion folder (no scheduler/)", e.getMessage());
        e = assertThrows(CommandException.class, () -> editor.save(
                new ModelSettings("half", "", root.resolve("nowhere"), 512, 512, false), messages::add));
        assertEquals(root.resolve("nowhere") + ": no such folder", e.getMessage());
        assertEquals(CATALOGUE, Files.readString(file));
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void editingTheActiveModelsDescriptionAndSizeKeepsItsNetworksOpen() throws IOException {
        ModelSettings a = editor.settings("a");
        assertEquals(new ModelSettings("a", "first", root.resolve("models/a"), 512, 512, true), a);
        LoadedModel before = cache.active();

        editor.save(new ModelSettings("a", "edited", a.path(), 768, 640, true), messages::add);

        assertEquals("edited", cache.summaries().get(0).description());
        assertEquals(768, cache.active().entry().width());
        assertSame(before.pipelines(), cache.active().pipelines());
        assertEquals(List.of("a@models/a"), opened);
        assertEquals(List.of(), closed);
        assertTrue(Files.readString(file).contains("a:\n  description: edited\n  path: models/a\n  default: true\n"
                + "  width: 768\n  height: 640\n"), Files.readString(file));
    }

    @Test
    void movingTheActiveModelToAnotherFolderReopensIt() throws IOException {
        Path moved = modelFolder("a-moved");
        editor.save(new ModelSettings("a", "first", moved, 512, 512, true), messages::add);
        assertEquals(List.of("a@models/a", "a@models/a-moved"), opened);
        assertEquals(List.of("a"), closed);
        assertEquals(moved, cache.active().entry().path());
        assertEquals(List.of(">> Loading a"), messages);
    }

    @Test
    void makingAnotherModelTheDefaultMovesTheMark() {
        editor.save(new ModelSettings("b", "", root.resolve("models/b"), 512, 512, true), messages::add);
        ModelCatalog reread = ModelCatalog.load(file, root);
        assertEquals("b", reread.select(null).name());
        assertEquals(false, editor.settings("a").isDefault());
        assertEquals(true, editor.settings("b").isDefault());
    }

    @Test
    void deletingRemovesTheEntryAndClosesItIfCached() throws IOException {
        cache.switchTo("b", messages::add);
        cache.switchTo("a", messages::add);
        editor.delete("b");
        assertEquals(List.of("a"), names());
        assertEquals(List.of("b"), closed);
        assertTrue(Files.readString(file).contains("upscale:\n  format: upscaler\n  type: lanczos\n"),
                "the post-processing entries stay");
        CommandException e = assertThrows(CommandException.class, () -> cache.switchTo("b", messages::add));
        assertEquals("\"b\" is not a known model name. Please check your models.yaml file", e.getMessage());
    }

    @Test
    void theActiveModelAndAnUnknownNameCannotBeDeleted() throws IOException {
        CommandException active = assertThrows(CommandException.class, () -> editor.delete("a"));
        assertEquals("Can't delete active model. !switch to another model first. **", active.getMessage());
        CommandException unknown = assertThrows(CommandException.class, () -> editor.delete("nope"));
        assertEquals("\"nope\" is not a known model name. Please check your models.yaml file", unknown.getMessage());
        assertThrows(CommandException.class, () -> editor.settings("nope"));
        assertEquals(CATALOGUE, Files.readString(file));
    }

    @Test
    void aFileThatNoLongerLoadsIsNotWrittenAndTheCatalogueStays() throws IOException {
        // edited by hand while the program runs: the rewrite would carry the fault, so nothing is written
        String broken = CATALOGUE + "c:\n  path: models/c\n  width: huge\n";
        Files.writeString(file, broken);
        CommandException e = assertThrows(CommandException.class, () -> editor.delete("b"));
        assertEquals(file + ": model 'c' field 'width' should be a whole number of pixels, not 'huge'", e.getMessage());
        assertEquals(broken, Files.readString(file));
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void handEditsMadeWhileRunningAreKept() throws IOException {
        Files.writeString(file, CATALOGUE + "c:\n  path: models/c\n  sampler: ddim\n");
        editor.delete("b");
        assertEquals(List.of("a", "c"), names());
        assertEquals("ddim", ModelCatalog.load(file, root).find("c").orElseThrow().sampler());
    }
}
