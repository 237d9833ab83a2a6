package io.invoke4j.plugin.facerestorers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetinaFaceTest {

    @Test
    void decodesAPriorAndScalesItBackToTheImage() {
        ScriptedDetector model = new ScriptedDetector();
        // row 16000: the prior (16, 16, 256, 256) in 640 pixels; a 1280x960 image is fitted at scale 0.5
        model.conf[16000 * 2 + 1] = 0.99f;
        model.loc[16000 * 4] = 1f; // x moves by 0.1 * w
        model.loc[16000 * 4 + 2] = 0f;
        model.landms[16000 * 10 + 4] = -1f; // the nose's x moves by -0.1 * w
        List<DetectedFace> faces = new RetinaFace(model, 0.5).detect(TestImages.smooth(1280, 960));
        assertEquals(1, faces.size());
        DetectedFace face = faces.get(0);
        // centre (16 + 25.6, 16) in 640 pixels, box 256 wide: times 2 in the image
        assertEquals((16 + 25.6 - 128) * 2, face.x1(), 1e-3);
        assertEquals((16 - 128) * 2, face.y1(), 1e-3);
        assertEquals((16 + 25.6 + 128) * 2, face.x2(), 1e-3);
        assertEquals((16 + 128) * 2, face.y2(), 1e-3);
        assertArrayEquals(new float[] {32, 32, 32, 32, (16 - 25.6f) * 2, 32, 32, 32, 32, 32}, face.landmarks(), 1e-3f);
    }

    @Test
    void feedsBgrMinusTheMeansAtTheTopLeftAndZerosElsewhere() {
        ScriptedDetector model = new ScriptedDetector();
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(320, 160,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 320; x++) {
                white.setRGB(x, y, 0x102030); // R 16, G 32, B 48
            }
        }
        new RetinaFace(model, 0.5).detect(white);
        float[] in = model.input.floats();
        int plane = 640 * 640;
        // 320x160 fitted into 640x320
        assertEquals(48 - 104f, in[0], 1e-4);
        assertEquals(32 - 117f, in[plane], 1e-4);
        assertEquals(16 - 123f, in[2 * plane], 1e-4);
        assertEquals(48 - 104f, in[319 * 640 + 639], 1e-4);
        assertEquals(0f, in[320 * 640], 0);
    }

    @Test
    void keepsScoresAboveTheThresholdAndDropsOverlaps() {
        ScriptedDetector model = new ScriptedDetector();
        model.conf[16000 * 2 + 1] = 0.9f;
        model.conf[16001 * 2 + 1] = 0.95f; // the same cell, 512 wide: overlaps the 256 box by a quarter
        model.conf[16002 * 2 + 1] = 0.8f; // the next cell, 256 wide: overlaps the first by (256-32)/(256+32)
        model.conf[0 * 2 + 1] = 0.3f; // under the threshold
        List<DetectedFace> faces = new RetinaFace(model, 0.5).detect(TestImages.smooth(640, 640));
        assertEquals(2, faces.size(), faces.toString());
        assertEquals(0.95f, faces.get(0).score());
        assertEquals(0.9f, faces.get(1).score());
    }

    @Test
    void theFixtureFindsFacesOnlyAtALowThreshold() {
        // the random-weight fixture scores below 0.65 on smooth images: nothing passes the helper's 0.97
        try (FixtureContext detector = new FixtureContext("retinaface_mobilenet0.25.onnx")) {
            assertTrue(new RetinaFace(detector.session(), RetinaFace.HELPER_THRESHOLD)
                    .detect(TestImages.smooth(320, 320)).isEmpty());
            List<DetectedFace> faces = new RetinaFace(detector.session(), 0.3).detect(TestImages.smooth(320, 320));
            assertFalse(faces.isEmpty());
            for (int i = 0; i < faces.size(); i++) {
                assertTrue(faces.get(i).score() > 0.3);
                assertTrue(i == 0 || faces.get(i).score() <= faces.get(i - 1).score(), "best first");
                for (int j = 0; j < i; j++) {
                    assertTrue(NonMaximumSuppression.overlap(faces.get(i), faces.get(j)) <= 0.4);
                }
            }
        }
    }
}
