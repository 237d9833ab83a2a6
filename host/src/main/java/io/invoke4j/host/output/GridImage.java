package io.invoke4j.host.output;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * InvokeAI's {@code -g/--grid} sheet ({@code image_util.make_grid}): {@code rows = floor(sqrt(n))},
 * {@code cols = ceil(n / rows)}, images pasted row by row in generation order on a black canvas; cells left
 * over stay black.
 */
public final class GridImage {
    private GridImage() {
    }

    /** Rows and columns for {@code n} images: 6 → 2x3, 5 → 2x3, 3 → 1x3, 1 → 1x1. */
    public static int[] layout(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a grid needs at least one image");
        }
        int rows = (int) Math.floor(Math.sqrt(n));
        int cols = (n + rows - 1) / rows;
        return new int[] {rows, cols};
    }

    /** The grid of {@code images}, which all have the size of the first. */
    public static BufferedImage of(List<BufferedImage> images) {
        int[] layout = layout(images.size());
        int w = images.get(0).getWidth();
        int h = images.get(0).getHeight();
        BufferedImage grid = new BufferedImage(layout[1] * w, layout[0] * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            for (int i = 0; i < images.size(); i++) {
                g.drawImage(images.get(i), (i % layout[1]) * w, (i / layout[1]) * h, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }
}
