package io.invoke4j.plugin.upscalers;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.MissingModelFileException;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.plugin.onnx.OnnxEngine;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PostprocessContext} over one fixture of {@code models/postprocess}, opened through the onnx engine as
 * the host opens it, with options as a models.yaml entry would give them.
 */
final class FixtureContext implements PostprocessContext, AutoCloseable {
    /** Two threads: the build machine has two cores. */
    private static final EngineOptions CPU = new EngineOptions("cpu", "auto", 2);

    private final Path file;
    private final Map<String, String> options = new HashMap<>();
    private InferenceSession session;
    boolean cancel;
    int resizedWidth;
    int resizedHeight;

    FixtureContext(String fixture) {
        this.file = root().resolve("models/postprocess").resolve(fixture);
    }

    FixtureContext option(String name, Object value) {
        options.put(name, String.valueOf(value));
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
        throw new MissingModelFileException(null, "no helper " + key);
    }

    /** AWT's smooth scaling: these tests only check what an upscaler asks for. */
    @Override
    public BufferedImage resize(BufferedImage image, int width, int height) {
        resizedWidth = width;
        resizedHeight = height;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        return out;
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
        if (session != null) {
            session.close();
        }
    }
}
