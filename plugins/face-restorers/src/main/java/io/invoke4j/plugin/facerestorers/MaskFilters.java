package io.invoke4j.plugin.facerestorers;

/**
 * The two OpenCV filters the paste-back mask goes through, on one float plane: {@code erode} with a rectangle
 * (anchor at its centre, pixels outside the plane ignored) and {@code GaussianBlur} with sigma from the kernel
 * size (OpenCV's fixed kernels up to 7, reflect-101 borders).
 */
final class MaskFilters {
    /** OpenCV's {@code small_gaussian_tab} for sigma 0. */
    private static final double[][] SMALL_GAUSSIANS = {
        {1.0},
        {0.25, 0.5, 0.25},
        {0.0625, 0.25, 0.375, 0.25, 0.0625},
        {0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125}};

    private MaskFilters() {
    }

    /**
     * Erosion with a {@code size x size} rectangle; OpenCV reads an empty kernel ({@code size} 0) as 3x3.
     *
     * @return a new plane
     */
    static float[] erode(float[] plane, int width, int height, int size) {
        int k = size <= 0 ? 3 : size;
        int anchor = k / 2;
        float[] rows = new float[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float min = Float.POSITIVE_INFINITY;
                for (int i = Math.max(0, x - anchor); i <= Math.min(width - 1, x - anchor + k - 1); i++) {
                    min = Math.min(min, plane[y * width + i]);
                }
                rows[y * width + x] = min;
            }
        }
        float[] out = new float[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float min = Float.POSITIVE_INFINITY;
                for (int j = Math.max(0, y - anchor); j <= Math.min(height - 1, y - anchor + k - 1); j++) {
                    min = Math.min(min, rows[j * width + x]);
                }
                out[y * width + x] = min;
            }
        }
        return out;
    }

    /**
     * {@code GaussianBlur(plane, (size, size), 0)} for an odd {@code size}.
     *
     * @return a new plane
     */
    static float[] gaussianBlur(float[] plane, int width, int height, int size) {
        double[] kernel = kernel(size);
        int radius = size / 2;
        float[] rows = new float[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int i = -radius; i <= radius; i++) {
                    sum += kernel[i + radius] * plane[y * width + reflect101(x + i, width)];
                }
                rows[y * width + x] = (float) sum;
            }
        }
        float[] out = new float[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int j = -radius; j <= radius; j++) {
                    sum += kernel[j + radius] * rows[reflect101(y + j, height) * width + x];
                }
                out[y * width + x] = (float) sum;
            }
        }
        return out;
    }

    /** OpenCV's {@code getGaussianKernel(size, 0)}. */
    static double[] kernel(int size) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("a Gaussian kernel has an odd size, not " + size);
        }
        if (size <= 7) {
            return SMALL_GAUSSIANS[size / 2].clone();
        }
        double sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
        double[] kernel = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            double x = i - (size - 1) * 0.5;
            kernel[i] = Math.exp(-x * x / (2 * sigma * sigma));
            total += kernel[i];
        }
        for (int i = 0; i < size; i++) {
            kernel[i] /= total;
        }
        return kernel;
    }

    /** {@code gfedcb|abcdefgh|gfedcba}. */
    private static int reflect101(int i, int size) {
        if (size == 1) {
            return 0;
        }
        int period = 2 * (size - 1);
        int m = Math.floorMod(i, period);
        return m < size ? m : period - m;
    }
}
