package io.invoke4j.host.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One entry of {@code configs/models.yaml}: InvokeAI's fields (description, path, width, height, default) and
 * invoke4j's (format, engine, precision, sampler, upscaler, face_restorer, variants).
 *
 * @param name         the entry's key, used by {@code --model} and {@code !switch}
 * @param description  shown by {@code !models}, or {@code null}
 * @param path         the model folder, already resolved against the root
 * @param format       {@code diffusers-onnx} or {@code diffusers-torchscript}
 * @param engine       the {@link io.invoke4j.api.InferenceEngine} that runs every part of the model
 * @param precision    the precision of the weights at {@code path}: {@code auto}, {@code float32} or
 *                     {@code float16}
 * @param sampler      this model's default sampler, or {@code null} for the start-up default
 * @param width        default {@code -W}
 * @param height       default {@code -H}
 * @param upscaler     the upscaler {@code -U} uses with this model, or {@code null} for the default
 * @param faceRestorer the face restorer {@code -G} uses with this model ({@code -ft} overrides), or {@code null}
 * @param isDefault    the entry used when {@code --model} is absent
 * @param variants     the same model's weights in another precision ({@code float16} or {@code float32} to a
 *                     folder), which {@code --precision} picks from
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
        boolean isDefault,
        Map<String, Path> variants) {

    public ModelEntry {
        variants = Map.copyOf(variants);
    }

    /** A diffusers-ONNX folder named on the command line, with every setting at its default. */
    public static ModelEntry forFolder(Path folder) {
        return new ModelEntry(folder.getFileName().toString(), "--weights " + folder, folder, ModelCatalog.DIFFUSERS_ONNX,
                "onnx", "auto", null, 512, 512, null, null, false);
    }

    /** An entry without precision variants. */
    public ModelEntry(String name, String description, Path path, String format, String engine, String precision,
                      String sampler, int width, int height, String upscaler, String faceRestorer, boolean isDefault) {
        this(name, description, path, format, engine, precision, sampler, width, height, upscaler, faceRestorer,
                isDefault, Map.of());
    }
}
