package io.invoke4j.host.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models of {@code configs/models.yaml}, in file order. */
public final class ModelCatalog {
    /** The model format invoke4j runs: a diffusers-layout folder of ONNX (or TorchScript) parts. */
    public static final String DIFFUSERS_ONNX = "diffusers-onnx";

    private final Path file;
    private final List<ModelEntry> entries;

    private ModelCatalog(Path file, List<ModelEntry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a catalogue. Relative model paths are resolved against {@code root}.
     *
     * @throws ConfigException when the file is missing, is not YAML of the expected shape, or an entry lacks
     *                         a path
     */
    public static ModelCatalog load(Path file, Path root) {
        Map<String, ModelEntry.Yaml> raw;
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw new ConfigException(file + ": no models defined");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            raw = yaml.readValue(text, new TypeReference<LinkedHashMap<String, ModelEntry.Yaml>>() {
            });
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": model configuration file not found");
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not a valid models.yaml: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (raw == null || raw.isEmpty()) {
            throw new ConfigException(file + ": no models defined");
        }
        List<ModelEntry> entries = new ArrayList<>();
        raw.forEach((name, y) -> {
            // upscalers, face restorers and detectors are PostprocessCatalog's
            if (y == null || !PostprocessCatalog.isPostprocessFormat(y.format())) {
                entries.add(toEntry(file, root, name, y));
            }
        });
        if (entries.isEmpty()) {
            throw new ConfigException(file + ": no models defined");
        }
        return new ModelCatalog(file, entries);
    }

    private static ModelEntry toEntry(Path file, Path root, String name, ModelEntry.Yaml y) {
        if (y == null) {
            throw new ConfigException(file + ": model '" + name + "' has no settings");
        }
        String location = y.path() != null ? y.path() : y.weights();
        if (location == null) {
            throw new ConfigException(file + ": model '" + name + "' has no path");
        }
        String format = y.format() != null ? y.format() : DIFFUSERS_ONNX;
        if (!DIFFUSERS_ONNX.equals(format)) {
            throw new ConfigException(file + ": model '" + name + "' has format '" + format
                    + "'; invoke4j runs " + DIFFUSERS_ONNX + " folders");
        }
        return new ModelEntry(
                name,
                y.description(),
                root.resolve(location).normalize(),
                format,
                y.engine() != null ? y.engine() : "onnx",
                y.precision() != null ? y.precision() : "auto",
                y.sampler(),
                y.width() != null ? y.width() : 512,
                y.height() != null ? y.height() : 512,
                y.upscaler(),
                y.faceRestorer(),
                Boolean.TRUE.equals(y.isDefault()));
    }

    /** The file this catalogue was read from. */
    public Path file() {
        return file;
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
