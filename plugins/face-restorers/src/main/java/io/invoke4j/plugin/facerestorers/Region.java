package io.invoke4j.plugin.facerestorers;

/**
 * A rectangle of image pixels: columns {@code [left, left + width)}, rows {@code [top, top + height)}.
 *
 * @param left   the first column
 * @param top    the first row
 * @param width  columns, 0 when empty
 * @param height rows, 0 when empty
 */
record Region(int left, int top, int width, int height) {

    /**
     * The pixels a {@code side x side} square of the face frame can reach once mapped into a
     * {@code imageWidth x imageHeight} image: the bounding box of its corners, widened by one pixel for bilinear
     * sampling, clipped to the image.
     */
    static Region footprint(SimilarityTransform toImage, int side, int imageWidth, int imageHeight) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) == 0 ? -1 : side;
            double v = (corner & 2) == 0 ? -1 : side;
            double x = toImage.x(u, v);
            double y = toImage.y(u, v);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        int left = (int) Math.max(0, Math.floor(minX) - 1);
        int top = (int) Math.max(0, Math.floor(minY) - 1);
        int right = (int) Math.min(imageWidth, Math.ceil(maxX) + 2);
        int bottom = (int) Math.min(imageHeight, Math.ceil(maxY) + 2);
        return new Region(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    boolean isEmpty() {
        return width == 0 || height == 0;
    }

    boolean contains(int x, int y) {
        return x >= left && y >= top && x < left + width && y < top + height;
    }
}
