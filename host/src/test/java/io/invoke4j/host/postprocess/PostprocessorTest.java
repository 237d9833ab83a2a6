package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.MissingModelFileException;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.host.config.PostprocessCatalog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -G then -U on stand-in plugins: order, strength, sizes, the context they get, and what happens when one cannot run. */
class PostprocessorTest {
    @TempDir
    Path dir;

    private final FakeTools tools = new FakeTools();
    private final List<String> messages = new ArrayList<>();
    private final GenerationListener listener = new GenerationListener() {
        @Override
        public void message(String line) {
            messages.add(line);
        }
    };
    private Path modelFile;
    private Postprocessor postprocessor;

    @BeforeEach
    void setUp() throws Exception {
        modelFile = Files.writeString(dir.resolve("model.onnx"), "x");
        postprocessor = tools.postprocessor(FakeTools.catalog(modelFile));
    }

    private static GenerationRequest.Builder request() {
        return GenerationRequest.builder().prompt("a");
    }

    @Test
    void restoresFacesFirstThenUpscalesWithInvokeAisMessages() {
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        Postprocessor.Outcome outcome = postprocessor.apply(image, request().facetoolStrength(1.0).facetool("gfpgan")
                .upscale(List.of(4.0, 1.0)).build(), FakeTools.model(null, null), 42, listener);
        assertEquals(List.of("faces", "upscale 4"), tools.calls);
        assertEquals(List.of("gfpgan", "upscale"), outcome.tools());
        assertEquals(64, outcome.image().getWidth());
        assertEquals(List.of(">> GFPGAN - Restoring Faces for image seed:42",
                ">> Real-ESRGAN Upscaling seed:42, scale:4x"), messages);
        // the face box was inverted before the upscale
        assertEquals(~image.getRGB(3, 3) & 0xffffff, outcome.image().getRGB(13, 13) & 0xffffff);
    }

    @Test
    void aResultOfAnotherScaleIsResizedToTheScaleAskedFor() {
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        BufferedImage out = postprocessor.upscale(image, 2, 1.0, FakeTools.model(null, null), 1, "-U", listener);
        assertEquals(32, out.getWidth());
        assertEquals(16, out.getHeight());
        BufferedImage expected = PillowResampler.resize(FakeTools.nearest(image, 4), 32, 16,
                PillowResampler.Filter.LANCZOS);
        assertEquals(expected.getRGB(5, 5), out.getRGB(5, 5));
    }

    @Test
    void strengthZeroGivesTheInputBack() {
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        BufferedImage faces = postprocessor.restoreFaces(image, "gfpgan", 0.0, null, FakeTools.model(null, null), 1,
                listener);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                assertEquals(image.getRGB(x, y), faces.getRGB(x, y));
            }
        }
        // an upscale at strength 0 is the original enlarged with Pillow's default BICUBIC
        BufferedImage upscaled = postprocessor.upscale(image, 4, 0.0, FakeTools.model(null, null), 1, "-U", listener);
        BufferedImage bicubic = PillowResampler.resize(image, 64, 32, PillowResampler.Filter.BICUBIC);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(bicubic.getRGB(x, y), upscaled.getRGB(x, y));
            }
        }
    }

    @Test
    void blendsByStrength() {
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        BufferedImage half = postprocessor.restoreFaces(image, "gfpgan", 0.5, null, FakeTools.model(null, null), 1,
                listener);
        int o = image.getRGB(3, 3) & 0xff;
        assertEquals(StrengthBlend.mix(o, ~o & 0xff, 0.5f), half.getRGB(3, 3) & 0xff);
        assertEquals(image.getRGB(10, 3), half.getRGB(10, 3), "outside the face nothing changes");
    }

    @Test
    void aMissingModelFileIsOneLineAndTheImageGoesOn() throws Exception {
        Path missing = dir.resolve("models/postprocess/GFPGANv1.4.onnx");
        Postprocessor withoutFile = tools.postprocessor(FakeTools.catalog(modelFile).withGfpganModel(missing.toString(),
                null));
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        Postprocessor.Outcome outcome = withoutFile.apply(image, request().facetoolStrength(0.8).facetool("gfpgan")
                .upscale(List.of(2.0, 1.0)).build(), FakeTools.model(null, null), 5, listener);
        assertEquals(List.of("upscale"), outcome.tools(), "the upscaler still ran");
        assertEquals(">> GFPGAN - Restoring Faces for image seed:5", messages.get(0));
        assertEquals("** -G gfpgan: model file not found: " + missing + "; the image is kept without face restoration",
                messages.get(1));
    }

    @Test
    void anUpscalerThatCannotRunLeavesTheImageAsItWas() {
        tools.nativeScale = 0; // the stand-in fails with an exception
        BufferedImage image = PillowReferenceTest.pattern(16, 8, 0);
        Postprocessor.Outcome outcome = postprocessor.apply(image, request().upscale(List.of(2.0)).build(),
                FakeTools.model(null, null), 5, listener);
        assertFalse(outcome.changed());
        assertTrue(outcome.image() == image);
        assertTrue(messages.get(1).startsWith("** -U realesrgan: cannot run: "), messages.toString());
        assertTrue(messages.get(1).endsWith("; the image is kept without upscaling"), messages.toString());
    }

    @Test
    void unknownFaceToolsAreRefusedBeforeAnythingRuns() {
        CommandException e = assertThrows(CommandException.class, () -> postprocessor.check(
                request().facetoolStrength(0.5).facetool("restoreformer").build(), FakeTools.model(null, null)));
        assertEquals("-ft restoreformer: no face restorer of that name (known: gfpgan)", e.getMessage());
        e = assertThrows(CommandException.class, () -> postprocessor.check(request().upscale(List.of(2.0)).build(),
                FakeTools.model("esrgan-x8", null)));
        assertEquals("-U: no upscaler 'esrgan-x8' for model tiny (known: realesrgan)", e.getMessage());
        // -G 0 runs no face tool, so its name does not matter
        postprocessor.check(request().facetoolStrength(0.0).facetool("restoreformer").build(),
                FakeTools.model(null, null));
    }

    @Test
    void theFaceToolComesFromFtThenTheModelThenGfpgan() {
        assertEquals("codeformer", Postprocessor.faceTool(request().facetool("codeformer").build(),
                FakeTools.model(null, "gfpgan")));
        assertEquals("gfpgan-v13", Postprocessor.faceTool(request().build(), FakeTools.model(null, "gfpgan-v13")));
        assertEquals("gfpgan", Postprocessor.faceTool(request().build(), FakeTools.model(null, null)));
        assertEquals(List.of(2.0, 0.75), Postprocessor.withUpscaleStrength(List.of(2.0)));
        assertEquals(List.of(2.0, 0.5), Postprocessor.withUpscaleStrength(List.of(2.0, 0.5)));
    }

    @Test
    void theContextGivesTheEntrysFileSettingsSwitchesAndHelpers() {
        postprocessor.restoreFaces(PillowReferenceTest.pattern(8, 8, 0), "gfpgan", 1.0, 0.3,
                FakeTools.model(null, null), 1, listener);
        PostprocessContext context = tools.contexts.get(0);
        assertEquals(modelFile, context.modelFile());
        assertEquals("0.3", context.option("fidelity").orElseThrow(), "-cf reaches the plugin");
        PostprocessContext detector = context.helper("detector");
        assertEquals(0.5, detector.doubleOption("threshold", 0.97));
        assertEquals(0.97, context.doubleOption("threshold", 0.97));
        assertThrows(MissingModelFileException.class, () -> context.helper("parser"));
        assertEquals(17, context.resize(PillowReferenceTest.pattern(8, 8, 0), 17, 9).getWidth());
    }

    @Test
    void modelsOpenOnceThroughTheEntrysEngineOrTheModels() {
        postprocessor.restoreFaces(PillowReferenceTest.pattern(8, 8, 0), "gfpgan", 1.0, null,
                FakeTools.model(null, null), 1, listener);
        postprocessor.restoreFaces(PillowReferenceTest.pattern(8, 8, 0), "gfpgan", 1.0, null,
                FakeTools.model(null, null), 2, listener);
        assertEquals(List.of(modelFile), tools.opened, "opened once, on the model's engine");
        assertEquals(List.of("auto"), tools.devices, "on the device of the models");
        // the detector names engine djl, which is not loaded
        PostprocessContext detector = tools.contexts.get(0).helper("detector");
        assertTrue(assertThrows(RuntimeException.class, detector::session).getMessage()
                .contains("unknown inference engine 'djl'"));
    }

    @Test
    void anUpscalerNamedDirectlyNeedsNoEntry() {
        PostprocessCatalog none = PostprocessCatalog.of(List.of());
        Postprocessor bare = tools.postprocessor(none);
        BufferedImage out = bare.upscale(PillowReferenceTest.pattern(8, 8, 0), 4, 1.0, FakeTools.model(null, null), 1,
                "-U", listener);
        assertNull(out, "the stand-in asks for a session, and there is no file");
        assertEquals("** -U realesrgan: no model file for realesrgan: models.yaml needs an entry 'realesrgan' with its"
                + " path; the image is kept without upscaling", messages.get(1));
    }
}
