package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --init_color}: CIELAB as scikit-image computes it, and its {@code match_histograms} per channel. */
class ColorCorrectionTest {
    @TempDir
    Path temp;

    private static BufferedImage image(int width, int height, IntBinaryOperator rgbAt) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgbAt.applyAsInt(x, y));
            }
        }
        return image;
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static double[][] lab(BufferedImage image) {
        int w = image.getWidth();
        return Cielab.fromRgb(image.getRGB(0, 0, w, image.getHeight(), null, 0, w));
    }

    /** numpy's default (linear) percentile. */
    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    // --- CIELAB

    @Test
    void convertsAsScikitImage() {
        // skimage.color.rgb2lab on uint8 pixels (D65, 2 degrees)
        double[][] lab = Cielab.fromRgb(new int[] {rgb(255, 255, 255), rgb(255, 0, 0), rgb(0, 0, 0),
                rgb(0, 128, 255)});
        assertEquals(100.0, lab[0][0], 1e-3);
        assertEquals(0.0, lab[1][0], 1e-2);
        assertEquals(0.0, lab[2][0], 1e-2);
        assertEquals(53.2408, lab[0][1], 1e-3);
        assertEquals(80.0925, lab[1][1], 1e-3);
        assertEquals(67.2032, lab[2][1], 1e-3);
        assertEquals(0.0, lab[0][2], 1e-9);
        assertEquals(54.7145, lab[0][3], 1e-3);
        assertEquals(18.7735, lab[1][3], 1e-3);
        assertEquals(-70.9138, lab[2][3], 1e-3);
    }

    @Test
    void everyColourOfA6BitCubeComesBackUnchanged() {
        int[] rgb = new int[64 * 64 * 64];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = rgb((i >> 12) * 4 + 3, ((i >> 6) & 63) * 4 + 1, (i & 63) * 4);
        }
        assertArrayEquals(rgb, Cielab.toRgb(Cielab.fromRgb(rgb)));
    }

    // --- histogram matching

    @Test
    void matchingMapsEachSourceQuantileToTheReferenceValueAtIt() {
        // equal sizes and distinct values: the result is the reference's values in the source's rank order
        double[] source = {3, 1, 2, 5, 4};
        double[] reference = {10, 50, 30, 20, 40};
        assertArrayEquals(new double[] {30, 10, 20, 50, 40}, HistogramMatching.match(source, reference));
    }

    @Test
    void matchingInterpolatesBetweenTheReferencesQuantiles() {
        // reference values 0, 10, 20, 30 at quantiles 1/4, 1/2, 3/4, 1; source quantiles 1/3, 2/3, 1
        assertArrayEquals(new double[] {10.0 / 3, 50.0 / 3, 30}, HistogramMatching.match(new double[] {1, 2, 3},
                new double[] {30, 0, 20, 10}), 1e-9);
        // a repeated value has the quantile of its last sample: 7 is at 2/3
        assertArrayEquals(new double[] {50.0 / 3, 30, 50.0 / 3}, HistogramMatching.match(new double[] {7, 9, 7},
                new double[] {30, 0, 20, 10}), 1e-9);
    }

    @Test
    void matchingHoldsTheEndsOfTheReference() {
        // reference 0 at 1/2, 10 at 1; the source quantile 1/4 is below the first, where numpy's interp holds it
        assertArrayEquals(new double[] {0, 0, 5, 10}, HistogramMatching.match(new double[] {1, 2, 3, 4},
                new double[] {10, 0}), 1e-12);
    }

    // --- the switch

    @Test
    void aMatchedImageHasTheReferencesCielabQuantiles() {
        // a dull bluish gradient matched to a warm, contrasty reference of another size
        BufferedImage source = image(64, 64, (x, y) -> rgb(60 + x / 2, 70 + y / 2, 120 + (x + y) / 4));
        BufferedImage reference = image(48, 40, (x, y) -> rgb(120 + 2 * x, 40 + 3 * y, 30 + x + y));

        BufferedImage matched = ColorCorrection.of(reference).apply(source);

        double[][] want = lab(reference);
        double[][] got = lab(matched);
        double[][] before = lab(source);
        double[] tolerance = {1.0, 2.0, 2.0};
        for (int channel = 0; channel < 3; channel++) {
            for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
                double expected = quantile(want[channel], q);
                assertEquals(expected, quantile(got[channel], q), tolerance[channel],
                        "channel " + channel + " quantile " + q);
                // and the source was far from it, so the match did something
                if (q == 0.5) {
                    assertTrue(Math.abs(quantile(before[channel], q) - expected) > 5 * tolerance[channel],
                            "channel " + channel + " was already close");
                }
            }
        }
    }

    @Test
    void anImageMatchedToItselfIsUnchanged() {
        BufferedImage source = image(64, 64, (x, y) -> rgb((x * 7 + y) % 256, (y * 5) % 256, (x * y) % 256));
        BufferedImage matched = ColorCorrection.of(source).apply(source);
        int w = source.getWidth();
        assertArrayEquals(source.getRGB(0, 0, w, w, null, 0, w), matched.getRGB(0, 0, w, w, null, 0, w));
    }

    @Test
    void theReferenceIsReadFromAFile() throws IOException {
        BufferedImage reference = image(16, 16, (x, y) -> rgb(200, 16 * x, 16 * y));
        Path file = temp.resolve("ref.png");
        ImageIO.write(reference, "png", file.toFile());
        BufferedImage source = image(16, 16, (x, y) -> rgb(10 * y, 10 * x, 40));
        int[] fromFile = pixels(ColorCorrection.load(file).apply(source));
        assertArrayEquals(pixels(ColorCorrection.of(reference).apply(source)), fromFile);
    }

    @Test
    void aMissingOrUnreadableReferenceIsOneLine() throws IOException {
        Path missing = temp.resolve("nope.png");
        assertEquals(">> " + missing + ": File not found",
                assertThrows(CommandException.class, () -> ColorCorrection.load(missing)).getMessage());
        Path text = Files.writeString(temp.resolve("text.png"), "not an image");
        assertEquals(text + ": not an image InvokeAI can read",
                assertThrows(CommandException.class, () -> ColorCorrection.load(text)).getMessage());
    }

    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth();
        return image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
    }
}
