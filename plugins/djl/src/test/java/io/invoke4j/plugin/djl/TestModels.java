package io.invoke4j.plugin.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled tiny SD models and the reference numbers are, and how the tests open them. */
final class TestModels {

    static final String FP32 = "tiny-sd";
    static final String FP16 = "tiny-sd-fp16";
    static final String TORCHSCRIPT = "tiny-sd-torchscript";

    /** Two threads: the build machine has two cores, and the tests run one session at a time. */
    static final EngineOptions CPU = new EngineOptions("cpu", "auto", 2);

    private TestModels() {
    }

    /** {@code models/<folder>/<component>}, e.g. {@code models/tiny-sd/unet}. */
    static Path component(String folder, String component) {
        return root().resolve("models").resolve(folder).resolve(component);
    }

    static InferenceSession open(String folder, String component) {
        return new DjlEngine().open(component(folder, component), CPU);
    }

    /** The repository root: Surefire's {@code invoke4j.root}, else the nearest folder up holding models/tiny-sd. */
    static Path root() {
        String configured = System.getProperty("invoke4j.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "models", FP32))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models").resolve(FP32))) {
                return dir;
            }
        }
        throw new IllegalStateException("no models/" + FP32 + " above " + Path.of("").toAbsolutePath()
                + "; set -Dinvoke4j.root to the repository root");
    }

    /** refs/e2e_txt2img.json: one txt2img on tiny-sd by InvokeAI 2.2.5 over the torch modules (shared/refs). */
    static JsonNode e2eReference() {
        try (InputStream in = TestModels.class.getResourceAsStream("/refs/e2e_txt2img.json")) {
            if (in == null) {
                throw new IllegalStateException("test resource refs/e2e_txt2img.json is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).longValue();
        }
        return values;
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            // the file holds shortest round-tripping float32 decimals
            values[i] = Float.parseFloat(array.get(i).asText());
        }
        return values;
    }

    /** A deterministic pseudo-random float tensor of roughly unit variance. */
    static float[] noise(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " vs " + b.length + " values");
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
