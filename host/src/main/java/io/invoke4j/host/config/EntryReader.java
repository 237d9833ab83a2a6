package io.invoke4j.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.api.ModelSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one models.yaml entry, checking each field's presence and type; a fault names the entry and field. */
final class EntryReader {
    static final List<String> FIELDS = List.of("description", "path", "format", "engine", "precision", "sampler",
            "width", "height", "upscaler", "face_restorer", "default", "variants");
    private static final Set<String> PRECISIONS = Set.of("auto", "float32", "float16");
    private static final Set<String> VARIANT_PRECISIONS = Set.of("float32", "float16");
    /** InvokeAI's bounds for a model's default size ({@code !import_model}). */
    private static final int MIN_SIZE = ModelSettings.MIN_SIZE;
    private static final int MAX_SIZE = ModelSettings.MAX_SIZE;

    private final Path file;
    private final Path root;
    private final String name;
    private final JsonNode node;

    EntryReader(Path file, Path root, String name, JsonNode node) {
        this.file = file;
        this.root = root;
        this.name = name;
        this.node = node;
    }

    ModelEntry read() {
        if (node == null || node.isNull()) {
            throw fault("has no settings");
        }
        if (!node.isObject()) {
            throw fault("should be a set of fields (description, path, ...), not '" + node.asText() + "'");
        }
        for (String field : (Iterable<String>) node::fieldNames) {
            if (field.equals("config") || field.equals("weights") || field.equals("vae")) {
                throw fault("field '" + field + "': InvokeAI's checkpoint fields are not read; give path: a "
                        + "diffusers-ONNX folder (README: Using a real model)");
            }
            if (!FIELDS.contains(field)) {
                throw fault("field '" + field + "' is not a models.yaml field (known: " + String.join(", ", FIELDS) + ")");
            }
        }
        String path = text("path", null);
        if (path == null) {
            throw fault("has no path");
        }
        String format = text("format", ModelCatalog.DIFFUSERS_ONNX);
        if (!format.equals(ModelCatalog.DIFFUSERS_ONNX) && !format.equals(ModelCatalog.DIFFUSERS_TORCHSCRIPT)) {
            throw fault("field 'format': '" + format + "' is not one invoke4j runs (" + ModelCatalog.DIFFUSERS_ONNX
                    + " or " + ModelCatalog.DIFFUSERS_TORCHSCRIPT + ")");
        }
        String precision = text("precision", "auto").toLowerCase(Locale.ROOT);
        if (!PRECISIONS.contains(precision)) {
            throw fault("field 'precision': '" + precision + "' is not auto, float32 or float16");
        }
        return new ModelEntry(
                name,
                text("description", null),
                root.resolve(path).normalize(),
                format,
                text("engine", "onnx"),
                precision,
                text("sampler", null),
                size("width"),
                size("height"),
                text("upscaler", null),
                text("face_restorer", null),
                flag("default"),
                variants());
    }

    private String text(String field, String absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw fault("field '" + field + "' should be a word or a path, not " + shown(value));
        }
        return value.asText();
    }

    private int size(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 512;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw fault("field '" + field + "' should be a whole number of pixels, not " + shown(value));
        }
        int pixels = value.intValue();
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw fault("field '" + field + "' should be between " + MIN_SIZE + " and " + MAX_SIZE + ", not " + pixels);
        }
        return pixels;
    }

    private boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fault("field '" + field + "' should be true or false, not " + shown(value));
        }
        return value.booleanValue();
    }

    private Map<String, Path> variants() {
        JsonNode value = node.get("variants");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw fault("field 'variants' should map float16/float32 to a folder, not " + shown(value));
        }
        Map<String, Path> variants = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> v : value.properties()) {
            if (!VARIANT_PRECISIONS.contains(v.getKey())) {
                throw fault("field 'variants': '" + v.getKey() + "' is not float32 or float16");
            }
            if (!v.getValue().isTextual() || v.getValue().asText().isBlank()) {
                throw fault("field 'variants': " + v.getKey() + " should be a folder, not " + shown(v.getValue()));
            }
            variants.put(v.getKey(), root.resolve(v.getValue().asText()).normalize());
        }
        return variants;
    }

    private static String shown(JsonNode value) {
        return value.isContainerNode() ? "a list or a set of fields" : "'" + value.asText() + "'";
    }

    private ConfigException fault(String what) {
        return new ConfigException(file + ": model '" + name + "' " + what);
    }
}
