package io.invoke4j.plugin.facerestorers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The alignment transform, the warp and the mask filters. */
class GeometryTest {

    @Test
    void fitsTheSimilarityThatMapsLandmarksOntoTheTemplate() {
        // the template moved by a known similarity: the fit recovers its inverse
        SimilarityTransform known = new SimilarityTransform(0.8 * Math.cos(0.3), 0.8 * Math.sin(0.3), 40, -25);
        float[] landmarks = new float[10];
        for (int p = 0; p < 5; p++) {
            double x = SimilarityTransform.FFHQ_512[2 * p];
            double y = SimilarityTransform.FFHQ_512[2 * p + 1];
            landmarks[2 * p] = (float) known.x(x, y);
            landmarks[2 * p + 1] = (float) known.y(x, y);
        }
        SimilarityTransform fitted = SimilarityTransform.toTemplate(landmarks);
        for (int p = 0; p < 5; p++) {
            assertEquals(SimilarityTransform.FFHQ_512[2 * p], fitted.x(landmarks[2 * p], landmarks[2 * p + 1]), 1e-3);
            assertEquals(SimilarityTransform.FFHQ_512[2 * p + 1], fitted.y(landmarks[2 * p], landmarks[2 * p + 1]),
                    1e-3);
        }
        SimilarityTransform back = fitted.inverse();
        assertEquals(known.a(), back.a(), 1e-6);
        assertEquals(known.b(), back.b(), 1e-6);
        assertEquals(known.tx(), back.tx(), 1e-3);
        assertEquals(known.ty(), back.ty(), 1e-3);
    }

    @Test
    void warpsWithBilinearSamplesAndTheBorderOutside() {
        float[] source = {0, 10, 20, 30}; // 2x2, one channel
        SimilarityTransform half = new SimilarityTransform(1, 0, 0.5, 0); // reads half a pixel to the right
        float[] out = AffineWarp.warp(source, 2, 2, 1, half, 0, 0, 2, 2, new float[] {100}, false);
        assertArrayEquals(new float[] {5, 55, 25, 65}, out, 1e-5f);
    }

    @Test
    void erodesWithTheAnchorAtTheCentreAndIgnoresTheOutside() {
        float[] plane = {1, 1, 1, 1, 0, 1, 1, 1, 1}; // 3x3 with a hole in the middle
        // a 2x2 rectangle anchored at (1, 1) covers the pixel, its left, its top and top-left
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 1, 0, 0}, MaskFilters.erode(plane, 3, 3, 2));
        // an empty kernel is OpenCV's 3x3
        assertArrayEquals(new float[9], MaskFilters.erode(plane, 3, 3, 0));
    }

    @Test
    void gaussianKernelsAreOpenCvs() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, MaskFilters.kernel(3), 0);
        double[] nine = MaskFilters.kernel(9);
        double sigma = 0.3 * (4 - 1) + 0.8;
        assertEquals(Math.exp(-16 / (2 * sigma * sigma)) / Math.exp(0), nine[0] / nine[4], 1e-12);
        assertEquals(1.0, java.util.Arrays.stream(nine).sum(), 1e-12);
        float[] flat = new float[25];
        java.util.Arrays.fill(flat, 0.5f);
        assertArrayEquals(flat, MaskFilters.gaussianBlur(flat, 5, 5, 9), 1e-6f);
    }
}
