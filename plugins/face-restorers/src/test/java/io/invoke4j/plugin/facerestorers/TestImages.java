package io.invoke4j.plugin.facerestorers;

import java.awt.image.BufferedImage;

final class TestImages {
    private TestImages() {
    }

    /**
     * Gentle low-contrast gradients. On these the random-weight detector scores faces like the fixture's notes say
     * (a few between 0.4 and 0.6, none near 0.97); on high-contrast ripples it finds hundreds.
     */
    static BufferedImage smooth(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 30 * Math.sin(x / 50.0));
                int g = (int) (128 + 30 * Math.cos(y / 60.0));
                int b = (int) (128 + 20 * Math.sin((x + y) / 70.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
