package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskPasteBackTest {
    private static final int W = 64;

    private static BufferedImage filled(int rgb) {
        BufferedImage image = new BufferedImage(W, W, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < W; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void theKeptAreaIsTheInitImageAndTheRepaintedAreaTheResultWithASoftSeamInsideTheKeptArea() {
        int[] alpha = new int[W * W];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (i % W) < 32 ? 0 : 255; // repaint the left half
        }
        BufferedImage out = MaskPasteBack.apply(filled(0xffffff), filled(0x000000), alpha);
        assertEquals(0x000000, out.getRGB(31, 10) & 0xffffff, "repainted area untouched");
        // erosion moves the kept edge 8 columns in (to 40); the 17-wide blur reaches back to column 32
        assertTrue((out.getRGB(32, 10) & 0xff) <= 255 / 17 + 1, "the band starts inside the kept area");
        assertEquals(0xffffff, out.getRGB(32 + 2 * MaskPasteBack.BLUR_RADIUS, 10) & 0xffffff, "deep inside: the input");
        int seam = out.getRGB(32 + MaskPasteBack.BLUR_RADIUS, 10) & 0xff;
        assertTrue(seam > 100 && seam < 160, "half way through the band: " + seam);
        for (int x = 32; x < 32 + 2 * MaskPasteBack.BLUR_RADIUS; x++) {
            assertTrue((out.getRGB(x, 10) & 0xff) <= (out.getRGB(x + 1, 10) & 0xff), "the band rises monotonically");
        }
    }

    @Test
    void erosionAndBlurClampAtTheEdges() {
        int[] all = new int[16];
        java.util.Arrays.fill(all, 255);
        assertEquals(255, MaskPasteBack.erode(all, 4, 4, 8)[0]);
        assertEquals(255, MaskPasteBack.boxBlur(all, 4, 4, 8)[15]);
    }
}
