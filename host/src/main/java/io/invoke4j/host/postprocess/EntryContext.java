package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.MissingModelFileException;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.config.PostprocessEntry;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The host's {@link PostprocessContext}: one models.yaml entry (or none, for an upscaler named directly), its
 * file checked and opened through {@link PostprocessModels}, its settings and the command's switches as options.
 */
final class EntryContext implements PostprocessContext {
    private final String name;
    private final PostprocessEntry entry;
    private final PostprocessCatalog catalog;
    private final PostprocessModels models;
    private final String defaultEngine;
    private final Map<String, String> switches;
    private final GenerationListener listener;

    /**
     * @param name          the tool as the user named it, for messages
     * @param entry         its models.yaml entry, or {@code null}
     * @param defaultEngine the engine of the Stable Diffusion model in use, for an entry without {@code engine:}
     * @param switches      options set on the command line ({@code fidelity} from {@code -cf})
     */
    EntryContext(String name, PostprocessEntry entry, PostprocessCatalog catalog, PostprocessModels models,
                 String defaultEngine, Map<String, String> switches, GenerationListener listener) {
        this.name = name;
        this.entry = entry;
        this.catalog = catalog;
        this.models = models;
        this.defaultEngine = defaultEngine;
        this.switches = Map.copyOf(switches);
        this.listener = listener;
    }

    @Override
    public Path modelFile() {
        if (entry == null || entry.path() == null) {
            throw new MissingModelFileException(null, "no model file for " + name + ": models.yaml needs an entry '"
                    + name + "' with its path");
        }
        if (!Files.isRegularFile(entry.path())) {
            throw new MissingModelFileException(entry.path(), "model file not found: " + entry.path());
        }
        return entry.path();
    }

    @Override
    public InferenceSession session() {
        Path file = modelFile();
        return models.open(file, entry.engine() != null ? entry.engine() : defaultEngine);
    }

    @Override
    public Optional<String> option(String option) {
        String set = switches.get(option);
        if (set != null) {
            return Optional.of(set);
        }
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.settings().get(option));
    }

    @Override
    public PostprocessContext helper(String key) {
        String helperName = entry == null ? null : entry.settings().get(key);
        if (helperName == null) {
            throw new MissingModelFileException(null, "no " + key + " for " + name + ": its models.yaml entry needs "
                    + key + ": NAME");
        }
        PostprocessEntry helper = catalog.find(helperName).orElseThrow(() -> new MissingModelFileException(null,
                "no models.yaml entry '" + helperName + "' (the " + key + " of " + name + ")"));
        return new EntryContext(helperName, helper, catalog, models, defaultEngine, Map.of(), listener);
    }

    @Override
    public BufferedImage resize(BufferedImage image, int width, int height) {
        return PillowResampler.resize(image, width, height, PillowResampler.Filter.LANCZOS);
    }

    @Override
    public void message(String line) {
        listener.message(line);
    }

    @Override
    public boolean cancelRequested() {
        return listener.cancelRequested();
    }
}
