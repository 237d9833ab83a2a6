package io.invoke4j.host.model;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.ModelSummary;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BiFunction;

/**
 * The model in use and the ones kept open beside it, as InvokeAI's model cache: {@code !switch} to a cached
 * model is instant; beyond {@code capacity} open models the least recently used one is closed.
 */
public final class ModelCache implements AutoCloseable {
    private ModelCatalog catalog;
    private final BiFunction<ModelEntry, Consumer<String>, LoadedModel> opener;
    private final int capacity;
    /** Open models, least recently used first; the last is the active one. */
    private final LinkedHashMap<String, LoadedModel> open = new LinkedHashMap<>(4, 0.75f, true);
    private LoadedModel active;

    /**
     * @param initial  the model opened at start-up
     * @param opener   opens a catalogue entry, telling its progress to the consumer (throws with a one-line
     *                 message when it cannot)
     * @param capacity how many models stay open at most, the active one included
     */
    public ModelCache(ModelCatalog catalog, LoadedModel initial, BiFunction<ModelEntry, Consumer<String>, LoadedModel> opener,
                      int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.catalog = catalog;
        this.opener = opener;
        this.capacity = capacity;
        this.active = initial;
        open.put(initial.entry().name(), initial);
    }

    /** The model commands run on. */
    public synchronized LoadedModel active() {
        return active;
    }

    /** Every catalogue entry in file order with its status, for {@code !models}. */
    public synchronized List<ModelSummary> summaries() {
        List<ModelSummary> list = new ArrayList<>();
        for (ModelEntry entry : catalog.entries()) {
            String status = entry.name().equals(active.entry().name()) ? ModelSummary.ACTIVE
                    : open.containsKey(entry.name()) ? ModelSummary.CACHED : ModelSummary.NOT_LOADED;
            String description = entry.description() == null || entry.description().isBlank()
                    ? "<no description>" : entry.description();
            list.add(new ModelSummary(entry.name(), description, status));
        }
        return list;
    }

    /**
     * Makes {@code name} the active model, opening it unless it is open already. On failure the active model
     * stays.
     *
     * @throws CommandException InvokeAI's line for an unknown name, or the opener's message (without InvokeAI's
     *                          {@code **} mark, which front ends add as they do to every command's error)
     */
    public synchronized LoadedModel switchTo(String name, Consumer<String> messages) {
        ModelEntry entry = catalog.find(name).orElseThrow(() -> new CommandException(
                "\"" + name + "\" is not a known model name. Please check your models.yaml file"));
        LoadedModel cached = open.get(name);
        if (cached != null) {
            if (cached != active) {
                messages.accept(">> Retrieving model " + name + " from system RAM cache");
            }
            active = cached;
            return cached;
        }
        long start = System.nanoTime();
        LoadedModel loaded;
        try {
            loaded = opener.apply(entry, messages);
        } catch (CommandException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CommandException("Model switch failed: " + e.getMessage());
        }
        messages.accept(String.format(">> Model loaded in %.2fs", (System.nanoTime() - start) / 1e9));
        open.put(name, loaded);
        active = loaded;
        evictBeyondCapacity(messages);
        return loaded;
    }

    /** The catalogue the models come from. */
    public synchronized ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Takes {@code changed} as the catalogue (models.yaml was rewritten). An open model whose entry is gone, or
     * now names other weights, is closed; one whose description, size or default changed keeps its networks. The
     * active model must still be in the catalogue; if its weights changed it is reopened, and if that fails it
     * stays open as it was.
     *
     * @throws CommandException when the active model's new weights do not open
     */
    public synchronized void catalogChanged(ModelCatalog changed, Consumer<String> messages) {
        String activeName = active.entry().name();
        ModelEntry activeEntry = changed.find(activeName).orElseThrow(
                () -> new IllegalArgumentException("the active model " + activeName + " is not in the catalogue"));
        this.catalog = changed;
        var models = open.entrySet().iterator();
        while (models.hasNext()) {
            Map.Entry<String, LoadedModel> e = models.next();
            if (e.getValue() == active) {
                continue;
            }
            ModelEntry now = changed.find(e.getKey()).orElse(null);
            if (now != null && sameWeights(e.getValue().entry(), now)) {
                e.setValue(e.getValue().withEntry(now.withEngine(e.getValue().entry().engine())));
            } else {
                e.getValue().close();
                models.remove();
            }
        }
        if (sameWeights(active.entry(), activeEntry)) {
            active = active.withEntry(activeEntry.withEngine(active.entry().engine()));
            open.put(activeName, active);
            return;
        }
        LoadedModel reopened;
        try {
            reopened = opener.apply(activeEntry, messages);
        } catch (RuntimeException e) {
            throw new CommandException(activeName + " is still the model opened before: its new settings do not open ("
                    + e.getMessage() + ")");
        }
        active.close();
        active = reopened;
        open.put(activeName, reopened);
    }

    /**
     * Whether an open model still runs what {@code now} names. The engine is left out: {@code --engine} overrides
     * the entry's, and no model command changes it.
     */
    private static boolean sameWeights(ModelEntry opened, ModelEntry now) {
        return opened.path().equals(now.path()) && opened.format().equals(now.format())
                && opened.precision().equals(now.precision()) && opened.variants().equals(now.variants());
    }

    private void evictBeyondCapacity(Consumer<String> messages) {
        var eldest = open.entrySet().iterator();
        while (open.size() > capacity && eldest.hasNext()) {
            Map.Entry<String, LoadedModel> e = eldest.next();
            if (e.getValue() != active) {
                messages.accept(">> Unloading " + e.getKey() + " to free memory");
                e.getValue().close();
                eldest.remove();
            }
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(LoadedModel::close);
        open.clear();
    }
}
