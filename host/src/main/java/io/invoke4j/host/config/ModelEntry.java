package io.invoke4j.host.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * One entry of {@code configs/models.yaml}: InvokeAI's fields (description, path or config/weights, width,
 * height, default) and invoke4j's (format, engine, precision, sampler, upscaler, face_restorer).
 *
 * @param name        the entry's key, used by {@code --model}
 * @param description shown by {@code !models}
 * @param path        the model folder, already resolved against the root
 * @param format      {@code diffusers-onnx}
 * @param engine      the {@link io.invoke4j.api.InferenceEngine} that runs every part of the model
 * @param precision   {@code auto}, {@code float32} or {@code float16}
 * @param sampler     this model's default sampler, or {@code null} for the start-up default
 * @param width       default {@code -W}
 * @param height      default {@code -H}
 * @param upscaler    the upscaler {@code -U} uses with this model, or {@code null} for the default
 * @param faceRestorer the face restorer {@code -G} uses with this model ({@code -ft} overrides), or {@code null}
 * @param isDefault   the entry used when {@code --model} is absent
 */
public record ModelEntry(
        String name,
        String description,
        Path path,
        String format,
        String engine,
        String precision,
        String sampler,
        int width,
        int height,
        String upscaler,
        String faceRestorer,
        boolean isDefault) {

    /** The YAML shape of an entry, before its name and paths are known. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Yaml(
            @JsonProperty("description") String description,
            @JsonProperty("path") String path,
            @JsonProperty("weights") String weights,
            @JsonProperty("config") String config,
            @JsonProperty("format") String format,
            @JsonProperty("engine") String engine,
            @JsonProperty("precision") String precision,
            @JsonProperty("sampler") String sampler,
            @JsonProperty("width") Integer width,
            @JsonProperty("height") Integer height,
            @JsonProperty("upscaler") String upscaler,
            @JsonProperty("face_restorer") String faceRestorer,
            @JsonProperty("default") Boolean isDefault) {
    }
}
