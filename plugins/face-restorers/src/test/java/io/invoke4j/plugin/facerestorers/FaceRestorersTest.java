package io.invoke4j.plugin.facerestorers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.MissingModelFileException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * GFPGAN and CodeFormer in the face pipeline over the random-weight fixtures, checked structurally: the sizes,
 * that faces are found and changed, and that paste-back leaves every pixel outside the faces' footprints as it
 * was. Where the faces' places matter, a scripted detector puts two faces where the test wants them; where the
 * whole pipeline runs, the detector fixture (which never scores 0.97 on these images) runs at 0.4.
 */
class FaceRestorersTest {
    private static final double FIXTURE_THRESHOLD = 0.4;

    /** Two faces with eyes about 60 pixels apart, well inside a 640x480 image and apart from each other. */
    private static RetinaFace twoFaces() {
        return new RetinaFace(new ScriptedDetector()
                .place(ScriptedDetector.level2(6, 4), 0.99f, ScriptedDetector.faceAt(170, 210, 0.47))
                .place(ScriptedDetector.level2(7, 14), 0.98f, ScriptedDetector.faceAt(470, 250, 0.47)), 0.97);
    }

    @Test
    void bothAreIndexedPf4jExtensions() throws IOException {
        StringBuilder index = new StringBuilder();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                index.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(index.toString().contains(GfpganRestorer.class.getName()), index.toString());
        assertTrue(index.toString().contains(CodeFormerRestorer.class.getName()), index.toString());
        assertEquals("gfpgan", new GfpganRestorer().name());
        assertEquals("codeformer", new CodeFormerRestorer().name());
    }

    private static void assertOnlyFacesChanged(BufferedImage in, FaceRestoration.Result result) {
        BufferedImage out = result.image();
        assertEquals(in.getWidth(), out.getWidth());
        assertEquals(in.getHeight(), out.getHeight());
        assertFalse(result.faces().isEmpty(), "faces were found");
        int changed = 0;
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int px = x;
                int py = y;
                boolean inAFace = result.faces().stream().anyMatch(r -> r.contains(px, py));
                if (!inAFace) {
                    assertEquals(in.getRGB(x, y), out.getRGB(x, y), "pixel " + x + "," + y + " is outside every face");
                } else if (in.getRGB(x, y) != out.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 0, "the faces were restored");
    }

    @Test
    void gfpganChangesTheFacesAndNothingElse() {
        BufferedImage image = TestImages.smooth(640, 480);
        try (FixtureContext context = new FixtureContext("GFPGANv1.4.onnx")) {
            FaceNetwork network = new FaceNetwork(context.session(), OptionalDouble.empty());
            FaceRestoration.Result result = FaceRestoration.restore(image, twoFaces(), network, () -> false);
            assertOnlyFacesChanged(image, result);
            assertEquals(2, result.faces().size());
            // a face 60 pixels between the eyes fills a crop of about 244 pixels around it
            for (Region face : result.faces()) {
                assertTrue(face.width() > 230 && face.width() < 260 && face.left() > 0 && face.top() > 0,
                        face.toString());
            }
        }
    }

    @Test
    void codeformerChangesTheFacesAndNothingElseAndHearsItsFidelity() {
        BufferedImage image = TestImages.smooth(640, 480);
        try (FixtureContext context = new FixtureContext("codeformer.onnx")) {
            RetinaFace detector = twoFaces();
            FaceRestoration.Result quality = FaceRestoration.restore(image, detector,
                    new FaceNetwork(context.session(), OptionalDouble.of(0.0)), () -> false);
            FaceRestoration.Result fidelity = FaceRestoration.restore(image, detector,
                    new FaceNetwork(context.session(), OptionalDouble.of(1.0)), () -> false);
            assertOnlyFacesChanged(image, quality);
            assertEquals(quality.faces(), fidelity.faces());
            boolean differ = false;
            for (int y = 0; y < 480 && !differ; y++) {
                for (int x = 0; x < 640 && !differ; x++) {
                    differ = quality.image().getRGB(x, y) != fidelity.image().getRGB(x, y);
                }
            }
            assertTrue(differ, "w reaches the model");
        }
    }

    @Test
    void theExtensionsRunThePipelineFromTheirContext() {
        // at 0.4 the fixture finds two faces with eyes at least 5 pixels apart in this image
        BufferedImage image = TestImages.smooth(640, 480);
        try (FixtureContext gfpgan = FixtureContext.restorer("GFPGANv1.4.onnx", FIXTURE_THRESHOLD);
             FixtureContext codeformer = FixtureContext.restorer("codeformer.onnx", FIXTURE_THRESHOLD)
                     .option("fidelity", 0.3)) {
            BufferedImage byGfpgan = new GfpganRestorer().restore(image, gfpgan);
            BufferedImage byCodeformer = new CodeFormerRestorer().restore(image, codeformer);
            assertEquals(640, byGfpgan.getWidth());
            assertEquals(480, byCodeformer.getHeight());
            assertTrue(differs(image, byGfpgan) && differs(image, byCodeformer));
        }
    }

    private static boolean differs(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void anImageWithoutFacesComesBackAsItWas() {
        BufferedImage image = TestImages.smooth(256, 256);
        try (FixtureContext context = FixtureContext.restorer("GFPGANv1.4.onnx", RetinaFace.HELPER_THRESHOLD)) {
            assertSame(image, new GfpganRestorer().restore(image, context));
        }
    }

    @Test
    void aCodeFormerModelIsNotRunAsGfpgan() {
        try (FixtureContext context = new FixtureContext("codeformer.onnx")) {
            InferenceException e = assertThrows(InferenceException.class,
                    () -> new FaceNetwork(context.session(), OptionalDouble.empty()));
            assertTrue(e.getMessage().contains("run it as codeformer"), e.getMessage());
        }
    }

    @Test
    void missingFilesAreTheContextsException() {
        try (FixtureContext noModel = FixtureContext.restorer("nothing.onnx", 0.5);
             FixtureContext noDetector = new FixtureContext("GFPGANv1.4.onnx")) {
            assertTrue(assertThrows(MissingModelFileException.class,
                    () -> new GfpganRestorer().restore(TestImages.smooth(64, 64), noModel)).file()
                    .endsWith("nothing.onnx"));
            assertThrows(MissingModelFileException.class,
                    () -> new GfpganRestorer().restore(TestImages.smooth(64, 64), noDetector));
        }
    }

    @Test
    void stopsBetweenFacesWhenCancelled() {
        try (FixtureContext context = FixtureContext.restorer("GFPGANv1.4.onnx", FIXTURE_THRESHOLD)) {
            context.cancel = true;
            assertThrows(CancellationException.class,
                    () -> new GfpganRestorer().restore(TestImages.smooth(640, 480), context));
        }
    }

    @Test
    void nmsKeepsTheBestOfOverlappingFaces() {
        float[] points = new float[10];
        DetectedFace best = new DetectedFace(0, 0, 99, 99, 0.9f, points);
        DetectedFace overlapping = new DetectedFace(10, 10, 109, 109, 0.8f, points);
        DetectedFace apart = new DetectedFace(200, 200, 299, 299, 0.7f, points);
        assertEquals(List.of(best, apart), NonMaximumSuppression.apply(List.of(best, overlapping, apart), 0.4));
    }
}
