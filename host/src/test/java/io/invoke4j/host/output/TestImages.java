package io.invoke4j.host.output;

import java.awt.image.BufferedImage;

/** Small deterministic images for the writer tests. */
final class TestImages {
    private TestImages() {
    }

    /** A smooth gradient with a little texture: compresses well, but not to nothing at level 0. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255) / Math.max(width - 1, 1);
                int g = (y * 255) / Math.max(height - 1, 1);
                int b = (x * y) % 256;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    static ImageRecord record(String prompt) {
        return new ImageRecord(prompt, 42, 50, 7.5, 512, 512, "k_lms", null,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "\"" + prompt + "\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms");
    }
}
