package io.invoke4j.host.postprocess;

import java.awt.image.BufferedImage;

/**
 * Turns an image so that one of its sides is on top, and back, as InvokeAI's outpaint and outcrop do with Pillow's
 * transposes, so that they only ever extend the top: {@code left} turns clockwise, {@code right} counter-clockwise,
 * {@code bottom} half a turn. Images are {@link BufferedImage#TYPE_INT_ARGB}.
 */
final class CanvasSides {
    private CanvasSides() {
    }

    /** {@code image} turned so that {@code side} is on top. */
    static BufferedImage toTop(BufferedImage image, String side) {
        return switch (side) {
            case "left" -> clockwise(image);
            case "right" -> counterClockwise(image);
            case "bottom" -> halfTurn(image);
            default -> image;
        };
    }

    /** Undoes {@link #toTop}. */
    static BufferedImage fromTop(BufferedImage image, String side) {
        return switch (side) {
            case "left" -> counterClockwise(image);
            case "right" -> clockwise(image);
            case "bottom" -> halfTurn(image);
            default -> image;
        };
    }

    /** An ARGB copy of any image; an RGB image comes out opaque. */
    static BufferedImage argb(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        copy.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return copy;
    }

    /** Pillow's {@code ROTATE_270}. */
    private static BufferedImage clockwise(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                out.setRGB(x, y, in.getRGB(y, h - 1 - x));
            }
        }
        return out;
    }

    /** Pillow's {@code ROTATE_90}. */
    private static BufferedImage counterClockwise(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                out.setRGB(x, y, in.getRGB(w - 1 - y, x));
            }
        }
        return out;
    }

    /** Pillow's {@code ROTATE_180}. */
    private static BufferedImage halfTurn(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, in.getRGB(w - 1 - x, h - 1 - y));
            }
        }
        return out;
    }
}
