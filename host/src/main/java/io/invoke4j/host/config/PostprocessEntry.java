package io.invoke4j.host.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A post-processing model of {@code configs/models.yaml}: an entry whose {@code format:} is {@code upscaler},
 * {@code face_restorer} or {@code face_detector}.
 *
 * @param name     the entry's key: what a Stable Diffusion entry's {@code upscaler:}/{@code face_restorer:},
 *                 {@code -ft}, or another entry's {@code detector:} names
 * @param format   {@code upscaler}, {@code face_restorer} or {@code face_detector}
 * @param type     the plugin extension that runs it ({@code realesrgan}, {@code gfpgan}); the entry's name unless
 *                 {@code type:} says otherwise
 * @param path     the model file, resolved against the root; {@code null} when the entry has none
 * @param engine   the {@code engine:} that opens it, or {@code null} for the engine of the model in use
 * @param settings every other setting, as text ({@code tile: 400}, {@code detector: retinaface},
 *                 {@code threshold: 0.97}); the plugin reads them as options
 */
public record PostprocessEntry(String name, String format, String type, Path path, String engine,
                               Map<String, String> settings) {

    public PostprocessEntry {
        settings = Map.copyOf(settings);
    }

    /** This entry with its model file replaced. */
    public PostprocessEntry withPath(Path file) {
        return new PostprocessEntry(name, format, type, file, engine, settings);
    }
}
