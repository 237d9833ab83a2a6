package io.invoke4j.host.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The post-processing models of {@code configs/models.yaml}: the entries whose {@code format:} is
 * {@code upscaler}, {@code face_restorer} or {@code face_detector}, in file order. They sit in the same map as the
 * Stable Diffusion models (InvokeAI's file is one map of entries), and {@link ModelCatalog} leaves them out.
 *
 * <pre>
 * realesrgan:
 *   format: upscaler
 *   path: models/postprocess/realesr-general-x4v3.onnx
 *   tile: 400
 * gfpgan:
 *   format: face_restorer
 *   path: models/postprocess/GFPGANv1.4.onnx
 *   detector: retinaface
 * </pre>
 */
public final class PostprocessCatalog {
    /** Runs with {@code -U} and {@code --embiggen}. */
    public static final String UPSCALER = "upscaler";
    /** Runs with {@code -G}/{@code -ft}. */
    public static final String FACE_RESTORER = "face_restorer";
    /** Named by a face restorer's {@code detector:}. */
    public static final String FACE_DETECTOR = "face_detector";
    private static final Set<String> FORMATS = Set.of(UPSCALER, FACE_RESTORER, FACE_DETECTOR);
    /** The keys every entry may have that are not plugin options. */
    private static final Set<String> ENTRY_KEYS = Set.of("description", "format", "type", "path", "engine");

    private final List<PostprocessEntry> entries;

    private PostprocessCatalog(List<PostprocessEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A catalogue of these entries. */
    public static PostprocessCatalog of(List<PostprocessEntry> entries) {
        return new PostprocessCatalog(entries);
    }

    /** Whether a models.yaml entry with this {@code format:} is a post-processing model. */
    public static boolean isPostprocessFormat(String format) {
        return format != null && FORMATS.contains(format);
    }

    /** Whether a models.yaml entry, as parsed, is a post-processing model (its {@code format:} says so). */
    public static boolean isPostprocessEntry(JsonNode entry) {
        JsonNode format = entry == null ? null : entry.get("format");
        return format != null && format.isTextual() && isPostprocessFormat(format.asText());
    }

    /**
     * Reads the post-processing entries of a models.yaml; relative paths are resolved against {@code root}.
     *
     * @throws ConfigException when the file cannot be read as a map of entries, or one line naming the entry and
     *                         the field when a field is not a word, a number or a path
     */
    public static PostprocessCatalog load(Path file, Path root) {
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not a valid models.yaml: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        List<PostprocessEntry> entries = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                if (isPostprocessEntry(entry.getValue())) {
                    entries.add(entry(file, root, entry.getKey(), entry.getValue()));
                }
            }
        }
        return new PostprocessCatalog(entries);
    }

    private static PostprocessEntry entry(Path file, Path root, String name, JsonNode node) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull() && (!value.isValueNode() || value.asText().isBlank())) {
                throw new ConfigException(file + ": model '" + name + "' field '" + field.getKey()
                        + "' should be a word, a number or a path, not " + (value.isContainerNode()
                        ? "a list or a set of fields" : "'" + value.asText() + "'"));
            }
            if (!ENTRY_KEYS.contains(field.getKey()) && !value.isNull()) {
                options.put(field.getKey(), value.asText());
            }
        }
        String type = text(node, "type");
        String path = text(node, "path");
        return new PostprocessEntry(name, node.get("format").asText(), type != null ? type : name,
                path != null ? root.resolve(path).normalize() : null, text(node, "engine"), options);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** All entries in file order. */
    public List<PostprocessEntry> entries() {
        return entries;
    }

    /** The entry called {@code name}, if it has the given format. */
    public Optional<PostprocessEntry> find(String name, String format) {
        return entries.stream().filter(e -> e.name().equals(name) && e.format().equals(format)).findFirst();
    }

    /** The entry called {@code name}, whatever its format. */
    public Optional<PostprocessEntry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * {@code --gfpgan_model_path} (and {@code --gfpgan_dir}): every face restorer run by {@code gfpgan} reads that
     * file instead; without such an entry, one named {@code gfpgan} is added with the detector
     * {@code retinaface}.
     *
     * @param modelPath the switch's value, or {@code null} for no change
     * @param dir       {@code --gfpgan_dir}, which a relative {@code modelPath} is relative to, or {@code null}
     */
    public PostprocessCatalog withGfpganModel(String modelPath, String dir) {
        if (modelPath == null) {
            return this;
        }
        Path file = dir != null ? Path.of(dir).resolve(modelPath) : Path.of(modelPath);
        return withGfpganModel(file.toAbsolutePath().normalize());
    }

    /** This catalogue with one setting of one entry changed (the benchmark runs the upscaler untiled). */
    public PostprocessCatalog withSetting(String entry, String key, String value) {
        List<PostprocessEntry> changed = new ArrayList<>();
        for (PostprocessEntry e : entries) {
            if (e.name().equals(entry)) {
                Map<String, String> settings = new LinkedHashMap<>(e.settings());
                settings.put(key, value);
                changed.add(new PostprocessEntry(e.name(), e.format(), e.type(), e.path(), e.engine(), settings));
            } else {
                changed.add(e);
            }
        }
        return new PostprocessCatalog(changed);
    }

    private PostprocessCatalog withGfpganModel(Path file) {
        List<PostprocessEntry> changed = new ArrayList<>();
        boolean found = false;
        for (PostprocessEntry e : entries) {
            if (e.format().equals(FACE_RESTORER) && e.type().equals("gfpgan")) {
                changed.add(e.withPath(file));
                found = true;
            } else {
                changed.add(e);
            }
        }
        if (!found) {
            changed.add(new PostprocessEntry("gfpgan", FACE_RESTORER, "gfpgan", file, null,
                    Map.of("detector", "retinaface")));
        }
        return new PostprocessCatalog(changed);
    }
}
