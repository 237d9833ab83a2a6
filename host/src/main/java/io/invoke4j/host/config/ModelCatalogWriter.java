package io.invoke4j.host.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.host.output.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Rewrites {@code models.yaml} for {@code !import_model}, {@code !edit_model} and {@code !del_model}, as InvokeAI's
 * model manager commits it: a fixed comment preamble, then every entry of the file as it is now (other models'
 * fields and the post-processing entries untouched, in their order), the one entry added, changed or removed.
 * Marking an entry default takes {@code default} from every other one. The file is read afresh each time, so hand
 * edits made while the program runs are kept.
 *
 * <p>Like InvokeAI, the rewrite drops the file's comments; unlike it, it first copies the file it replaces to
 * {@code models.yaml.bak} (the shipped file's comments explain each field), and writes the new one beside it and
 * renames it over, so that a crash leaves the old file or the new one, never half of one.
 */
public final class ModelCatalogWriter {
    /** The suffix of the copy of the file as it was before the last rewrite. */
    public static final String BACKUP_SUFFIX = ".bak";

    static final String PREAMBLE = """
            # invoke4j model catalogue: InvokeAI's configs/models.yaml, plus invoke4j's own fields.
            #
            # This file was rewritten by !import_model, !edit_model or !del_model, which keep no comments; the file
            # as it was before the last rewrite is models.yaml.bak. The fields of a model (README, "models.yaml"):
            #   description, path (a diffusers-layout folder), width, height, default, format (diffusers-onnx or
            #   diffusers-torchscript), engine (onnx, djl), precision (auto, float32, float16), variants (the
            #   same weights in the other precision), sampler, upscaler, face_restorer.
            # Entries whose format is upscaler, face_restorer or face_detector are post-processing models.

            """;

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // a long description stays on its line
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    private final Path file;
    private final Path root;

    /** Writes the file {@code catalog} was read from. */
    public ModelCatalogWriter(ModelCatalog catalog) {
        this(catalog.file(), catalog.root());
    }

    /** @param root what relative paths in the file are relative to */
    public ModelCatalogWriter(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    /**
     * The file's new text with the entry {@code settings} names added after the last Stable Diffusion model, or
     * changed in place (its description, path, size and default; its other fields kept). A path under the root is
     * written relative to it.
     *
     * @throws ConfigException when the file as it is now cannot be read
     */
    public String withEntry(ModelSettings settings) {
        ObjectNode models = read();
        JsonNode existing = models.get(settings.name());
        ObjectNode entry = existing instanceof ObjectNode fields ? fields : newEntry();
        if (settings.description().isBlank()) {
            entry.remove("description");
        } else {
            entry.put("description", settings.description());
        }
        entry.put("path", shown(settings.path()));
        entry.put("width", settings.width());
        entry.put("height", settings.height());
        if (settings.isDefault()) {
            for (Map.Entry<String, JsonNode> other : models.properties()) {
                if (other.getValue() instanceof ObjectNode fields && fields != entry) {
                    fields.remove("default");
                }
            }
            entry.put("default", true);
        } else {
            entry.remove("default");
        }
        return text(existing instanceof ObjectNode ? models : inserted(models, settings.name(), entry));
    }

    /**
     * The file's new text without the entry {@code name}.
     *
     * @throws ConfigException when the file as it is now cannot be read or has no such entry
     */
    public String without(String name) {
        ObjectNode models = read();
        if (models.remove(name) == null) {
            throw new ConfigException(file + ": has no model '" + name + "'");
        }
        return text(models);
    }

    /**
     * Replaces the file with {@code text}: the file as it is is copied to {@code models.yaml.bak}, then the new
     * one is written beside it and renamed over it.
     *
     * @throws ConfigException when the file or its folder cannot be written (the file is then unchanged)
     */
    public void write(String text) {
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new ConfigException(file + ": cannot be written (read-only)");
        }
        try {
            Files.copy(file, backup(), StandardCopyOption.REPLACE_EXISTING);
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be written (" + e + ")", e);
        }
    }

    /** Where {@link #write} keeps the file it replaces. */
    public Path backup() {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }

    private ObjectNode read() {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not a valid models.yaml: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree instanceof ObjectNode models) {
            return models;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        throw new ConfigException(file + ": not a valid models.yaml: expected model names, each with its settings");
    }

    private static ObjectNode newEntry() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("description", "");
        entry.put("format", ModelCatalog.DIFFUSERS_ONNX);
        return entry;
    }

    /** {@code models} with {@code entry} after the last Stable Diffusion model (before the post-processing ones). */
    private static ObjectNode inserted(ObjectNode models, String name, ObjectNode entry) {
        int lastModel = -1;
        int index = 0;
        for (Map.Entry<String, JsonNode> e : models.properties()) {
            if (!PostprocessCatalog.isPostprocessEntry(e.getValue())) {
                lastModel = index;
            }
            index++;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (lastModel < 0) {
            result.set(name, entry);
        }
        index = 0;
        for (Map.Entry<String, JsonNode> e : models.properties()) {
            result.set(e.getKey(), e.getValue());
            if (index++ == lastModel) {
                result.set(name, entry);
            }
        }
        return result;
    }

    /** A path as the file gives it: relative to the root when it lies under it. */
    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /** The preamble and the entries, a blank line between two entries as in the shipped file. */
    private String text(ObjectNode models) {
        String yaml;
        try {
            yaml = YAML.writeValueAsString(models);
        } catch (JacksonException e) {
            throw new ConfigException(file + ": cannot be written: " + e.getOriginalMessage());
        }
        StringBuilder text = new StringBuilder(PREAMBLE);
        boolean first = true;
        for (String line : yaml.split("\n")) {
            // an unindented line starts an entry: the dump splits no value across lines
            if (!line.isEmpty() && !line.startsWith(" ") && !first) {
                text.append('\n');
            }
            first = false;
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
