package io.invoke4j.plugin.upscalers;

import java.awt.image.BufferedImage;

/** Smooth test images (what the fixtures' notes measure their behaviour on) and image comparisons. */
final class TestImages {
    private TestImages() {
    }

    /** Gentle gradients with a few ripples: smooth, but every pixel differs from its neighbours. */
    static BufferedImage smooth(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (127 + 100 * Math.sin(x / 9.0));
                int g = (int) (127 + 100 * Math.cos(y / 11.0));
                int b = (int) (127 + 90 * Math.sin((x + y) / 15.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The largest difference of one channel between two images of the same size. */
    static int maxDifference(BufferedImage a, BufferedImage b) {
        int largest = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    largest = Math.max(largest, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
            }
        }
        return largest;
    }

    /** The mean difference per channel value between {@code image} and the nearest-neighbour enlargement of {@code small}. */
    static double meanDifferenceFromNearest(BufferedImage small, BufferedImage image, int scale) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = small.getRGB(x / scale, y / scale);
                int q = image.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return (double) sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
