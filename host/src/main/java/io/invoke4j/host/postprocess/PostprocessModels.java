package io.invoke4j.host.postprocess;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.host.plugins.PluginLoadException;
import io.invoke4j.api.InferenceException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The post-processing models opened so far, each through the {@link InferenceEngine} its entry names, once per
 * session: the first {@code -U} or {@code -G} pays for opening, later images reuse the session.
 */
public final class PostprocessModels implements AutoCloseable {
    private final ExtensionRegistry<InferenceEngine> engines;
    private final SessionWrapper wrapper;
    private final EngineOptions options;
    private final Map<String, InferenceSession> open = new LinkedHashMap<>();

    /** Models on the engine's best device. */
    public PostprocessModels(ExtensionRegistry<InferenceEngine> engines, SessionWrapper wrapper) {
        this(engines, wrapper, EngineOptions.defaults());
    }

    /**
     * @param wrapper applied to every session opened (the benchmark times them), with the file's name
     * @param options the device ({@code --device}) and threads; each model runs in its file's own precision
     */
    public PostprocessModels(ExtensionRegistry<InferenceEngine> engines, SessionWrapper wrapper,
                             EngineOptions options) {
        this.engines = engines;
        this.wrapper = wrapper;
        this.options = options;
    }

    /**
     * The session of {@code file} on {@code engine}, opened on first use.
     *
     * @throws InferenceException for an unknown engine, or when the engine cannot open the file
     */
    public synchronized InferenceSession open(Path file, String engine) {
        String key = engine + "\u0000" + file.toAbsolutePath().normalize();
        InferenceSession session = open.get(key);
        if (session == null) {
            InferenceEngine opener;
            try {
                opener = engines.get(engine);
            } catch (PluginLoadException e) {
                throw new InferenceException(e.getMessage());
            }
            session = wrapper.wrap(file.getFileName().toString(), opener.open(file, options));
            open.put(key, session);
        }
        return session;
    }

    @Override
    public synchronized void close() {
        for (InferenceSession session : open.values()) {
            try {
                session.close();
            } catch (RuntimeException e) {
                // a session that fails to close holds nothing we could free any other way
            }
        }
        open.clear();
    }
}
