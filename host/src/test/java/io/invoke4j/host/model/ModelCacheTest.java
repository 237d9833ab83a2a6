package io.invoke4j.host.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.ModelSummary;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelCacheTest {
    private final List<String> opened = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final ModelCatalog catalog = mock(ModelCatalog.class);
    private final List<ModelEntry> entries = List.of(entry("a", "first"), entry("b", null), entry("c", "third"));

    private static ModelEntry entry(String name, String description) {
        return new ModelEntry(name, description, Path.of("models", name), "diffusers-onnx", "onnx", "auto", null,
                512, 512, null, null, name.equals("a"));
    }

    private LoadedModel load(ModelEntry entry) {
        opened.add(entry.name());
        return new LoadedModel(entry, "hash-" + entry.name(), null, null, null, null, () -> closed.add(entry.name()));
    }

    @BeforeEach
    void setUp() {
        when(catalog.entries()).thenReturn(entries);
        for (ModelEntry e : entries) {
            when(catalog.find(e.name())).thenReturn(Optional.of(e));
        }
        when(catalog.find("nope")).thenReturn(Optional.empty());
    }

    private ModelCache cache(int capacity) {
        return new ModelCache(catalog, load(entries.get(0)), (e, messages) -> {
            messages.accept(">> Loading " + e.name());
            return load(e);
        }, capacity);
    }

    @Test
    void listsEveryEntryInFileOrderWithItsStatus() {
        ModelCache cache = cache(2);
        cache.switchTo("c", messages::add);
        assertEquals(List.of(
                new ModelSummary("a", "first", "cached"),
                new ModelSummary("b", "<no description>", "not loaded"),
                new ModelSummary("c", "third", "active")), cache.summaries());
    }

    @Test
    void switchingOpensOnceThenRetrievesFromTheCache() {
        ModelCache cache = cache(2);
        cache.switchTo("b", messages::add);
        assertEquals("b", cache.active().entry().name());
        assertEquals(">> Loading b", messages.get(0));
        assertTrue(messages.get(1).startsWith(">> Model loaded in "), messages.toString());
        cache.switchTo("a", messages::add);
        assertEquals(">> Retrieving model a from system RAM cache", messages.get(messages.size() - 1));
        assertEquals(List.of("a", "b"), opened);
    }

    @Test
    void theLeastRecentlyUsedModelIsClosedBeyondCapacity() {
        ModelCache cache = cache(2);
        cache.switchTo("b", messages::add);
        cache.switchTo("c", messages::add);
        assertEquals(List.of("a"), closed);
        assertEquals("not loaded", cache.summaries().get(0).status());
        cache.close();
        assertEquals(List.of("a", "b", "c"), closed);
    }

    @Test
    void anUnknownNameIsInvokeAisLineAndTheActiveModelStays() {
        ModelCache cache = cache(2);
        CommandException e = assertThrows(CommandException.class, () -> cache.switchTo("nope", messages::add));
        assertEquals("\"nope\" is not a known model name. Please check your models.yaml file", e.getMessage());
        assertEquals("a", cache.active().entry().name());
    }

    @Test
    void aModelThatFailsToOpenLeavesTheActiveOneInUse() {
        LoadedModel initial = load(entries.get(0));
        ModelCache cache = new ModelCache(catalog, initial, (e, messages) -> {
            throw new IllegalStateException("models/b/unet/model.onnx is missing");
        }, 2);
        CommandException e = assertThrows(CommandException.class, () -> cache.switchTo("b", messages::add));
        assertEquals("Model switch failed: models/b/unet/model.onnx is missing", e.getMessage());
        assertSame(initial, cache.active());
    }
}
