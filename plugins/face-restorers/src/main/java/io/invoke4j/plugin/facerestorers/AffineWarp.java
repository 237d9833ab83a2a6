package io.invoke4j.plugin.facerestorers;

/**
 * OpenCV's {@code warpAffine} with bilinear interpolation and a constant border, on channel planes: each output
 * pixel {@code (x, y)} (in the output's frame, whose top left is at {@code (left, top)} of the destination) takes
 * the source at {@code toSource(x, y)}, each of the four neighbours outside the source counting as the border
 * value.
 */
final class AffineWarp {
    private AffineWarp() {
    }

    /**
     * @param source       {@code channels} planes of {@code sourceWidth x sourceHeight}
     * @param toSource     where each destination pixel is read from
     * @param left         the destination x of the output's first column
     * @param top          the destination y of the output's first row
     * @param border       the value outside the source, per channel
     * @param roundToBytes round and clamp to 0-255, as warping an 8-bit image does
     * @return {@code channels} planes of {@code width x height}
     */
    static float[] warp(float[] source, int sourceWidth, int sourceHeight, int channels, SimilarityTransform toSource,
                        int left, int top, int width, int height, float[] border, boolean roundToBytes) {
        int sourcePlane = sourceWidth * sourceHeight;
        int plane = width * height;
        float[] out = new float[channels * plane];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sx = toSource.x(left + x, top + y);
                double sy = toSource.y(left + x, top + y);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double wx = sx - x0;
                double wy = sy - y0;
                boolean in00 = inside(x0, y0, sourceWidth, sourceHeight);
                boolean in10 = inside(x0 + 1, y0, sourceWidth, sourceHeight);
                boolean in01 = inside(x0, y0 + 1, sourceWidth, sourceHeight);
                boolean in11 = inside(x0 + 1, y0 + 1, sourceWidth, sourceHeight);
                int i00 = y0 * sourceWidth + x0;
                for (int c = 0; c < channels; c++) {
                    int base = c * sourcePlane;
                    float b = border[c];
                    double v00 = in00 ? source[base + i00] : b;
                    double v10 = in10 ? source[base + i00 + 1] : b;
                    double v01 = in01 ? source[base + i00 + sourceWidth] : b;
                    double v11 = in11 ? source[base + i00 + sourceWidth + 1] : b;
                    double v = (v00 * (1 - wx) + v10 * wx) * (1 - wy) + (v01 * (1 - wx) + v11 * wx) * wy;
                    out[c * plane + y * width + x] = roundToBytes ? (float) Math.min(255, Math.max(0, Math.round(v)))
                            : (float) v;
                }
            }
        }
        return out;
    }

    private static boolean inside(int x, int y, int width, int height) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }
}
