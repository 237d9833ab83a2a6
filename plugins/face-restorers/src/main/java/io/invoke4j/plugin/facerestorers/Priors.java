package io.invoke4j.plugin.facerestorers;

/**
 * RetinaFace's prior boxes for a 640x640 input: per level (strides 8, 16, 32, each with two sizes), per feature
 * map cell row by row and column by column, the smaller size first; each as (cx, cy, w, h) divided by 640. Row
 * {@code r} of the model's outputs belongs to prior {@code r}: 12,800 + 3,200 + 800 = 16,800.
 */
final class Priors {
    /** The input side the detector works at. */
    static final int SIDE = 640;
    private static final int[] STRIDES = {8, 16, 32};
    private static final int[][] SIZES = {{16, 32}, {64, 128}, {256, 512}};

    private Priors() {
    }

    /** {@code [count * 4]}: cx, cy, w, h of each prior, normalised by 640. */
    static float[] of640() {
        int count = 0;
        for (int level = 0; level < STRIDES.length; level++) {
            int cells = (SIDE + STRIDES[level] - 1) / STRIDES[level];
            count += cells * cells * SIZES[level].length;
        }
        float[] priors = new float[count * 4];
        int r = 0;
        for (int level = 0; level < STRIDES.length; level++) {
            int stride = STRIDES[level];
            int cells = (SIDE + stride - 1) / stride;
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    for (int size : SIZES[level]) {
                        priors[r++] = (float) ((j + 0.5) * stride / SIDE);
                        priors[r++] = (float) ((i + 0.5) * stride / SIDE);
                        priors[r++] = (float) size / SIDE;
                        priors[r++] = (float) size / SIDE;
                    }
                }
            }
        }
        return priors;
    }
}
