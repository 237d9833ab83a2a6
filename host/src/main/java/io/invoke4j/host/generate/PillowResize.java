package io.invoke4j.host.generate;

/**
 * Pillow's {@code Image.resize} for 8-bit channels, so that init images and masks get InvokeAI's pixels:
 * {@link #lanczos} is {@code Resampling.LANCZOS} ({@code libImaging/Resample.c}: a separable 3-lobe windowed sinc
 * widened by the downscale factor, coefficients normalised then rounded to 22-bit fixed point, horizontal pass
 * first, each pass rounded and clipped to 8 bits); {@link #nearest} is {@code Resampling.NEAREST}
 * ({@code ImagingScaleAffine}: source pixel {@code floor((x + 0.5) * in / out)}, accumulated in double).
 *
 * <p>Each method resizes one channel plane of {@code width * height} values 0-255, row by row.
 */
final class PillowResize {
    private static final double LANCZOS_SUPPORT = 3.0;
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PillowResize() {
    }

    /** {@code plane} resized to {@code outWidth x outHeight} with Pillow's LANCZOS filter. */
    static int[] lanczos(int[] plane, int width, int height, int outWidth, int outHeight) {
        requirePositive(outWidth, outHeight);
        if (width == outWidth && height == outHeight) {
            return plane.clone();
        }
        Coefficients vertical = Coefficients.of(height, outHeight);
        int[] current = plane;
        int rows = height;
        int firstRow = 0;
        if (width != outWidth) {
            // Pillow filters only the source rows the vertical pass will read
            firstRow = vertical.first[0];
            int lastRow = vertical.first[outHeight - 1] + vertical.count[outHeight - 1];
            rows = lastRow - firstRow;
            current = horizontal(plane, width, firstRow, rows, outWidth, Coefficients.of(width, outWidth));
        }
        if (height == outHeight) {
            return current;
        }
        return vertical(current, outWidth, firstRow, outHeight, vertical);
    }

    private static int[] horizontal(int[] in, int width, int firstRow, int rows, int outWidth, Coefficients c) {
        int[] out = new int[outWidth * rows];
        for (int y = 0; y < rows; y++) {
            int row = (firstRow + y) * width;
            for (int x = 0; x < outWidth; x++) {
                int sum = 1 << (PRECISION_BITS - 1);
                int first = c.first[x];
                int k = x * c.size;
                for (int i = 0; i < c.count[x]; i++) {
                    sum += in[row + first + i] * c.fixed[k + i];
                }
                out[y * outWidth + x] = clip8(sum);
            }
        }
        return out;
    }

    private static int[] vertical(int[] in, int width, int firstRow, int outHeight, Coefficients c) {
        int[] out = new int[width * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int first = c.first[y] - firstRow;
            int k = y * c.size;
            for (int x = 0; x < width; x++) {
                int sum = 1 << (PRECISION_BITS - 1);
                for (int i = 0; i < c.count[y]; i++) {
                    sum += in[(first + i) * width + x] * c.fixed[k + i];
                }
                out[y * width + x] = clip8(sum);
            }
        }
        return out;
    }

    private static int clip8(int sum) {
        return Math.max(0, Math.min(255, sum >> PRECISION_BITS));
    }

    /** {@code plane} resized to {@code outWidth x outHeight} with Pillow's NEAREST filter. */
    static int[] nearest(int[] plane, int width, int height, int outWidth, int outHeight) {
        requirePositive(outWidth, outHeight);
        if (width == outWidth && height == outHeight) {
            return plane.clone();
        }
        int[] columns = nearestIndices(width, outWidth);
        int[] rows = nearestIndices(height, outHeight);
        int[] out = new int[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                out[y * outWidth + x] = plane[rows[y] * width + columns[x]];
            }
        }
        return out;
    }

    private static int[] nearestIndices(int in, int out) {
        double scale = (double) in / out;
        double position = scale * 0.5;
        int[] indices = new int[out];
        for (int i = 0; i < out; i++) {
            indices[i] = Math.min(in - 1, (int) position);
            position += scale;
        }
        return indices;
    }

    private static void requirePositive(int outWidth, int outHeight) {
        if (outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("cannot resize to " + outWidth + "x" + outHeight);
        }
    }

    /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for one axis. */
    private static final class Coefficients {
        final int size;
        final int[] first;
        final int[] count;
        final int[] fixed;

        private Coefficients(int size, int[] first, int[] count, int[] fixed) {
            this.size = size;
            this.first = first;
            this.count = count;
            this.fixed = fixed;
        }

        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(1.0, scale);
            double support = LANCZOS_SUPPORT * filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            int[] fixed = new int[outSize * size];
            double[] weights = new double[size];
            for (int x = 0; x < outSize; x++) {
                double center = (x + 0.5) * scale;
                double inverseScale = 1.0 / filterScale;
                int min = Math.max(0, (int) (center - support + 0.5));
                int max = Math.min(inSize, (int) (center + support + 0.5)) - min;
                double total = 0;
                for (int i = 0; i < max; i++) {
                    double w = lanczos((i + min - center + 0.5) * inverseScale);
                    weights[i] = w;
                    total += w;
                }
                for (int i = 0; i < max; i++) {
                    double w = total != 0 ? weights[i] / total : weights[i];
                    // C's (int) truncates toward zero, as Java's cast does
                    fixed[x * size + i] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
                }
                first[x] = min;
                count[x] = max;
            }
            return new Coefficients(size, first, count, fixed);
        }

        private static double lanczos(double x) {
            if (-LANCZOS_SUPPORT <= x && x < LANCZOS_SUPPORT) {
                return sinc(x) * sinc(x / LANCZOS_SUPPORT);
            }
            return 0.0;
        }

        private static double sinc(double x) {
            if (x == 0.0) {
                return 1.0;
            }
            double px = x * Math.PI;
            return StrictMath.sin(px) / px;
        }
    }
}
