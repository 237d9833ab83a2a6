package io.invoke4j.plugin.upscalers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.MissingModelFileException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Real-ESRGAN over the random-weight fixtures of {@code models/postprocess}, which keep the real architectures and
 * IO: checked by sizes and by what the networks are known to do (x4v3 adds the nearest x4 enlargement of its
 * input to a small network output), not by pixel values.
 */
class RealEsrganUpscalerTest {
    private final RealEsrganUpscaler upscaler = new RealEsrganUpscaler();

    @Test
    void isThePf4jExtensionNamedRealesrgan() throws IOException {
        assertEquals("realesrgan", upscaler.name());
        StringBuilder index = new StringBuilder();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                index.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(index.toString().contains(RealEsrganUpscaler.class.getName()), index.toString());
        assertTrue(index.toString().contains(LanczosUpscaler.class.getName()), index.toString());
    }

    @Test
    void x4v3EnlargesFourTimesCloseToItsNearestNeighbourEnlargement() {
        BufferedImage image = TestImages.smooth(64, 48);
        try (FixtureContext context = new FixtureContext("realesr-general-x4v3.onnx")) {
            BufferedImage out = upscaler.upscale(image, 4, context);
            assertEquals(256, out.getWidth());
            assertEquals(192, out.getHeight());
            double mean = TestImages.meanDifferenceFromNearest(image, out, 4);
            // the fixture's notes: within 0.09 of the nearest x4 upscale on smooth images
            assertTrue(mean < 0.09 * 255, "mean difference from the nearest enlargement: " + mean);
            assertTrue(mean > 0, "the network adds something to the nearest enlargement");
        }
    }

    @Test
    void x2plusEnlargesTwiceAndPadsAnOddImageByReflection() {
        // x2plus pixel-unshuffles by 2, so an odd side fails in the graph unless padded, as Real-ESRGAN pads it
        BufferedImage image = TestImages.smooth(37, 53);
        try (FixtureContext context = new FixtureContext("RealESRGAN_x2plus.onnx")) {
            BufferedImage out = upscaler.upscale(image, 2, context);
            assertEquals(74, out.getWidth());
            assertEquals(106, out.getHeight());
        }
    }

    @Test
    void tiledAndUntiledAgreeWhereOneCallSuffices() {
        BufferedImage image = TestImages.smooth(96, 80);
        try (FixtureContext whole = new FixtureContext("RealESRGAN_x2plus.onnx").option("tile", 0);
             FixtureContext oneTile = new FixtureContext("RealESRGAN_x2plus.onnx").option("tile", 128)) {
            assertEquals(0, TestImages.maxDifference(upscaler.upscale(image, 2, whole),
                    upscaler.upscale(image, 2, oneTile)));
        }
    }

    @Test
    void tilesWithEnoughContextGiveTheUntiledImage() {
        // x4v3's six 3x3 convolutions see 6 pixels around each pixel: 10 pixels of tile padding cover that, so
        // 9 tiles of 32 give the one-call image up to float rounding
        BufferedImage image = TestImages.smooth(90, 70);
        try (FixtureContext whole = new FixtureContext("realesr-general-x4v3.onnx").option("tile", 0);
             FixtureContext tiled = new FixtureContext("realesr-general-x4v3.onnx").option("tile", 32)) {
            BufferedImage a = upscaler.upscale(image, 4, whole);
            BufferedImage b = upscaler.upscale(image, 4, tiled);
            assertTrue(TestImages.maxDifference(a, b) <= 1, "max difference " + TestImages.maxDifference(a, b));
        }
    }

    @Test
    void stopsBeforeTheNextTileWhenCancelled() {
        try (FixtureContext context = new FixtureContext("realesr-general-x4v3.onnx").option("tile", 16)) {
            context.cancel = true;
            assertThrows(CancellationException.class, () -> upscaler.upscale(TestImages.smooth(40, 40), 4, context));
        }
    }

    @Test
    void aMissingModelFileIsTheContextsException() {
        try (FixtureContext context = new FixtureContext("no-such-model.onnx")) {
            MissingModelFileException e = assertThrows(MissingModelFileException.class,
                    () -> upscaler.upscale(TestImages.smooth(8, 8), 4, context));
            assertTrue(e.file().endsWith("no-such-model.onnx"), String.valueOf(e.file()));
        }
    }

    @Test
    void lanczosAsksTheHostForThePillowResizeToTheScale() {
        try (FixtureContext context = new FixtureContext("none")) {
            BufferedImage out = new LanczosUpscaler().upscale(TestImages.smooth(30, 20), 3, context);
            assertEquals(90, context.resizedWidth);
            assertEquals(60, context.resizedHeight);
            assertEquals(90, out.getWidth());
            assertEquals("lanczos", new LanczosUpscaler().name());
        }
    }
}
