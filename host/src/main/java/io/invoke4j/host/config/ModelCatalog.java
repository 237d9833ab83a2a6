package io.invoke4j.host.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models of {@code configs/models.yaml}, in file order, each checked field by field: a fault is one line
 * naming the file, the entry and the field.
 */
public final class ModelCatalog {
    /** A diffusers-layout folder of ONNX parts ({@code model.onnx} in each part's folder). */
    public static final String DIFFUSERS_ONNX = "diffusers-onnx";
    /** A diffusers-layout folder of TorchScript parts ({@code model.pt} in each part's folder). */
    public static final String DIFFUSERS_TORCHSCRIPT = "diffusers-torchscript";

    private final Path file;
    private final Path root;
    private final List<ModelEntry> entries;
    /** Entries that are not in the file ({@link #plus}), first in {@link #entries}. */
    private final List<ModelEntry> added;

    private ModelCatalog(Path file, Path root, List<ModelEntry> entries, List<ModelEntry> added) {
        this.file = file;
        this.root = root;
        this.entries = List.copyOf(entries);
        this.added = List.copyOf(added);
    }

    /**
     * Reads a catalogue. Relative model paths are resolved against {@code root}.
     *
     * @throws ConfigException when the file is missing, is not YAML, or an entry has a missing, unknown or
     *                         ill-typed field, or two entries are marked default
     */
    public static ModelCatalog load(Path file, Path root) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": model configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return read(text, file, root);
    }

    /**
     * This catalogue as it would be read from {@code text}, the file's new content, with the entries
     * {@link #plus} added kept: what a rewrite of the file will give, checked before the file is written.
     *
     * @throws ConfigException as {@link #load} does
     */
    public ModelCatalog reread(String text) {
        ModelCatalog read = read(text, file, root);
        for (int i = added.size() - 1; i >= 0; i--) {
            read = read.plus(added.get(i));
        }
        return read;
    }

    private static ModelCatalog read(String text, Path file, Path root) {
        JsonNode tree;
        try {
            tree = text.isBlank() ? null : new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not a valid models.yaml: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull() || (tree.isObject() && tree.isEmpty())) {
            throw new ConfigException(file + ": no models defined");
        }
        if (!(tree instanceof ObjectNode models)) {
            throw new ConfigException(file + ": not a valid models.yaml: expected model names, each with its settings");
        }
        List<ModelEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> model : models.properties()) {
            // upscalers, face restorers and face detectors are PostprocessCatalog's
            if (!PostprocessCatalog.isPostprocessEntry(model.getValue())) {
                entries.add(new EntryReader(file, root, model.getKey(), model.getValue()).read());
            }
        }
        if (entries.isEmpty()) {
            throw new ConfigException(file + ": no models defined");
        }
        List<String> defaults = entries.stream().filter(ModelEntry::isDefault).map(ModelEntry::name).toList();
        if (defaults.size() > 1) {
            throw new ConfigException(file + ": models '" + String.join("' and '", defaults)
                    + "' are all marked default: true; mark one");
        }
        return new ModelCatalog(file, root, entries, List.of());
    }

    /** This catalogue with {@code entry} first (the deprecated {@code --weights} folder), not in the file. */
    public ModelCatalog plus(ModelEntry entry) {
        List<ModelEntry> all = new ArrayList<>();
        all.add(entry);
        all.addAll(entries);
        List<ModelEntry> notInFile = new ArrayList<>();
        notInFile.add(entry);
        notInFile.addAll(added);
        return new ModelCatalog(file, root, all, notInFile);
    }

    /** The file this catalogue was read from. */
    public Path file() {
        return file;
    }

    /** What relative model paths in the file are relative to: the folder that holds {@code configs/}. */
    public Path root() {
        return root;
    }

    /** Whether the entry called {@code name} is one of the file's (not a {@link #plus} addition). */
    public boolean inFile(String name) {
        return find(name).isPresent() && added.stream().noneMatch(e -> e.name().equals(name));
    }

    /** All entries in file order. */
    public List<ModelEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The entry called {@code name}. */
    public Optional<ModelEntry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The model to load: {@code name} if given, else the entry marked {@code default: true}, else the first.
     *
     * @throws ConfigException when {@code name} is not in the catalogue
     */
    public ModelEntry select(String name) {
        if (name != null) {
            return find(name).orElseThrow(() -> new ConfigException("\"" + name
                    + "\" is not a known model name. Please check your models.yaml file (known: "
                    + String.join(", ", entries.stream().map(ModelEntry::name).toList()) + ")"));
        }
        return entries.stream().filter(ModelEntry::isDefault).findFirst().orElse(entries.get(0));
    }
}
