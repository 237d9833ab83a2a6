package io.invoke4j.host.postprocess;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.api.Upscaler;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.config.PostprocessEntry;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.plugins.ExtensionRegistry;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mockito.Mockito;

/**
 * Stand-in plugins with known results: an upscaler that enlarges by nearest neighbour (by its own fixed scale, and
 * asks the context for its model first), and a face restorer that inverts a box; both log what they were given.
 */
final class FakeTools {
    final List<String> calls = new ArrayList<>();
    final List<PostprocessContext> contexts = new ArrayList<>();
    final List<Path> opened = new ArrayList<>();
    final List<String> devices = new ArrayList<>();
    int nativeScale = 4;

    final Upscaler upscaler = new Upscaler() {
        @Override
        public String name() {
            return "realesrgan";
        }

        @Override
        public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
            calls.add("upscale " + scale);
            contexts.add(context);
            context.session();
            return nearest(image, nativeScale);
        }
    };

    final FaceRestorer restorer = new FaceRestorer() {
        @Override
        public String name() {
            return "gfpgan";
        }

        @Override
        public BufferedImage restore(BufferedImage image, PostprocessContext context) {
            calls.add("faces");
            contexts.add(context);
            context.session();
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    boolean face = x >= 2 && y >= 2 && x < 6 && y < 6;
                    out.setRGB(x, y, face ? ~image.getRGB(x, y) & 0xffffff : image.getRGB(x, y));
                }
            }
            return out;
        }
    };

    /** An engine whose sessions do nothing; it remembers what it opened. */
    final InferenceEngine engine = new InferenceEngine() {
        @Override
        public String name() {
            return "onnx";
        }

        @Override
        public InferenceSession open(Path model, EngineOptions options) {
            opened.add(model);
            devices.add(options.device());
            return Mockito.mock(InferenceSession.class);
        }
    };

    Postprocessor postprocessor(PostprocessCatalog catalog) {
        return new Postprocessor(
                ExtensionRegistry.of("upscaler", List.of(Map.entry(upscaler, "test")), Upscaler::name),
                ExtensionRegistry.of("face restorer", List.of(Map.entry(restorer, "test")), FaceRestorer::name),
                catalog,
                new PostprocessModels(ExtensionRegistry.of("inference engine", List.of(Map.entry(engine, "test")),
                        InferenceEngine::name), SessionWrapper.NONE));
    }

    /** A catalogue with the two tools' entries over existing files, and a detector. */
    static PostprocessCatalog catalog(Path existing) {
        return PostprocessCatalog.of(List.of(
                new PostprocessEntry("realesrgan", PostprocessCatalog.UPSCALER, "realesrgan", existing, null,
                        Map.of("tile", "400")),
                new PostprocessEntry("gfpgan", PostprocessCatalog.FACE_RESTORER, "gfpgan", existing, null,
                        Map.of("detector", "retinaface")),
                new PostprocessEntry("retinaface", PostprocessCatalog.FACE_DETECTOR, "retinaface", existing, "djl",
                        Map.of("threshold", "0.5"))));
    }

    static ModelEntry model(String upscaler, String faceRestorer) {
        return new ModelEntry("tiny", null, Path.of("models/tiny-sd"), "diffusers-onnx", "onnx", "auto", null, 512,
                512, upscaler, faceRestorer, true);
    }

    static BufferedImage nearest(BufferedImage image, int scale) {
        BufferedImage out = new BufferedImage(image.getWidth() * scale, image.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getRGB(x / scale, y / scale));
            }
        }
        return out;
    }
}
