package io.invoke4j.host.postprocess;

import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The init image of {@code !fix FILE -D DIRECTION [PIXELS]}, made as InvokeAI 2.0.1's {@code outpaint.py} makes it.
 * Turned so that the side is on top, the canvas keeps its size: the picture moves down by PIXELS (its last PIXELS
 * rows are lost), the top PIXELS rows get the mirror image of the picture's own top PIXELS rows, fully transparent,
 * and along the seam every even column is made transparent in the {@code d} rows each side of it
 * ({@code d = min(height / 10, PIXELS)}); then it is turned back. The transparent pixels are what inpainting
 * repaints. PIXELS defaults to half the height (as turned) and must be above 0 and below it.
 *
 * <p>Unlike InvokeAI, whose dither then ran past the bottom edge and failed, a seam near the bottom is dithered
 * only as far as the image goes.
 */
final class OutpaintCanvas {
    private OutpaintCanvas() {
    }

    /**
     * @param image the source, RGB
     * @param words {@code -D}'s words: a side, optionally the pixel count as a plain decimal
     * @return the canvas, {@link BufferedImage#TYPE_INT_ARGB}, the size of {@code image}
     * @throws CommandException one line when the pixels do not fit in the image that way
     */
    static BufferedImage of(BufferedImage image, List<String> words) {
        String side = words.get(0);
        BufferedImage turned = CanvasSides.toTop(CanvasSides.argb(image), side);
        int width = turned.getWidth();
        int height = turned.getHeight();
        int pixels = words.size() > 1 ? Integer.parseInt(words.get(1)) : height / 2;
        if (pixels <= 0 || pixels >= height) {
            throw new CommandException("-D/--out_direction " + side + " " + pixels + ": the image is " + height
                    + " pixels " + (side.equals("top") || side.equals("bottom") ? "high" : "wide")
                    + ", so the pixels must be from 1 to " + (height - 1));
        }
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = y < pixels ? turned.getRGB(x, pixels - 1 - y) & 0xffffff : turned.getRGB(x, y - pixels);
                canvas.setRGB(x, y, argb);
            }
        }
        int dither = Math.min(height / 10, pixels);
        for (int x = 0; x < width; x += 2) {
            for (int y = pixels - dither; y < Math.min(pixels + dither, height); y++) {
                canvas.setRGB(x, y, canvas.getRGB(x, y) & 0xffffff);
            }
        }
        return CanvasSides.fromTop(canvas, side);
    }
}
