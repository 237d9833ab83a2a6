package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.MissingModelFileException;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.plugin.onnx.OnnxEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PostprocessContext} over fixtures of {@code models/postprocess}, opened through the onnx engine as the
 * host opens them, with options and helpers as models.yaml entries would give them.
 */
final class FixtureContext implements PostprocessContext, AutoCloseable {
    /** Two threads: the build machine has two cores. */
    private static final EngineOptions CPU = new EngineOptions("cpu", "auto", 2);

    private final Path file;
    private final Map<String, String> options = new HashMap<>();
    private final Map<String, FixtureContext> helpers = new HashMap<>();
    private InferenceSession session;
    boolean cancel;

    FixtureContext(String fixture) {
        this.file = root().resolve("models/postprocess").resolve(fixture);
    }

    /** The restorer with the RetinaFace fixture as its detector, at {@code threshold}. */
    static FixtureContext restorer(String fixture, double threshold) {
        return new FixtureContext(fixture).helper("detector",
                new FixtureContext("retinaface_mobilenet0.25.onnx").option("threshold", threshold));
    }

    FixtureContext option(String name, Object value) {
        options.put(name, String.valueOf(value));
        return this;
    }

    FixtureContext helper(String key, FixtureContext helper) {
        helpers.put(key, helper);
        return this;
    }

    static Path root() {
        String configured = System.getProperty("invoke4j.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "models", "postprocess"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models/postprocess"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no models/postprocess above " + Path.of("").toAbsolutePath());
    }

    @Override
    public Path modelFile() {
        if (!Files.exists(file)) {
            throw new MissingModelFileException(file, "model file not found: " + file);
        }
        return file;
    }

    @Override
    public InferenceSession session() {
        if (session == null) {
            session = new OnnxEngine().open(modelFile(), CPU);
        }
        return session;
    }

    @Override
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    @Override
    public PostprocessContext helper(String key) {
        FixtureContext helper = helpers.get(key);
        if (helper == null) {
            throw new MissingModelFileException(null, "no " + key + " configured");
        }
        return helper;
    }

    @Override
    public BufferedImage resize(BufferedImage image, int width, int height) {
        throw new UnsupportedOperationException("face restorers do not resize");
    }

    @Override
    public void message(String line) {
    }

    @Override
    public boolean cancelRequested() {
        return cancel;
    }

    @Override
    public void close() {
        helpers.values().forEach(FixtureContext::close);
        if (session != null) {
            session.close();
        }
    }
}
