package io.invoke4j.host;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import java.nio.file.Path;

/**
 * Opens a models.yaml entry's networks through its engine, so that an engine's failure says in one line which
 * model, which engine, and (the engine's part) what went wrong and what to do.
 */
final class ModelOpener {

    private ModelOpener() {
    }

    /**
     * @param folder the entry's weights to open (its path, or the precision variant chosen)
     * @throws InferenceException the engine's one-line message, prefixed with the model and the engine
     */
    static StableDiffusionModel open(ModelEntry entry, Path folder, InferenceEngine engine, EngineOptions options,
                                     SessionWrapper wrap) {
        try {
            return StableDiffusionModel.open(folder, engine, options, wrap);
        } catch (InferenceException e) {
            throw new InferenceException("model '" + entry.name() + "' on engine '" + entry.engine() + "': "
                    + e.getMessage(), e);
        }
    }
}
