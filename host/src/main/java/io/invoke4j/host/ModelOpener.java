package io.invoke4j.host;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.host.config.ConfigException;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.plugins.ExtensionRegistry;

/**
 * Opens a models.yaml entry's model through the engine the entry names, so that a failure says in one line which
 * model, which engine, and (from the engine) what to do.
 */
final class ModelOpener {

    private ModelOpener() {
    }

    /**
     * @throws ConfigException    when no loaded plugin provides the entry's engine
     * @throws InferenceException when the engine cannot open a part of the model; the engine's message, prefixed
     *                            with the model and the engine
     */
    static StableDiffusionModel open(ModelEntry entry, ExtensionRegistry<InferenceEngine> engines,
                                     EngineOptions options, SessionWrapper wrap) {
        InferenceEngine engine = engines.find(entry.engine()).orElseThrow(() -> new ConfigException("model '"
                + entry.name() + "' is set to run on engine '" + entry.engine() + "', which no plugin provides"
                + " (loaded: " + (engines.names().isEmpty() ? "none" : String.join(", ", engines.names()))
                + "): set its engine: in models.yaml (or --engine) to one of those"));
        try {
            return StableDiffusionModel.open(entry.path(), engine, options, wrap);
        } catch (InferenceException e) {
            throw new InferenceException("model '" + entry.name() + "' on engine '" + entry.engine() + "': "
                    + e.getMessage(), e);
        }
    }
}
