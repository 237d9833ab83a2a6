package io.invoke4j.host.generate;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Pillow's {@code Image.resize} of an 8-bit RGB image ({@code libImaging/Resample.c}), on packed pixels: a
 * separable filter widened by the downscale factor, coefficients normalised then rounded to 22-bit fixed point,
 * the horizontal pass first (over the source rows the vertical pass reads), each pass rounded and clipped to 8
 * bits. LANCZOS is what InvokeAI resizes to a target size with; BICUBIC is {@code resize}'s default, which
 * {@code Image.blend}'s callers resize the original with.
 *
 * <p>The vertical pass hands out one output row at a time ({@link #resize(int[], int, int, int, int, Filter,
 * RowSink)}), so a caller can blend a large result in place without a second full-size image.
 */
public final class PillowResampler {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** The resampling filters. */
    public enum Filter {
        /** {@code Resampling.LANCZOS}: 3-lobe windowed sinc. */
        LANCZOS(3.0),
        /** {@code Resampling.BICUBIC}: cubic convolution with a = -0.5. */
        BICUBIC(2.0);

        private final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            return switch (this) {
                case LANCZOS -> -support <= x && x < support ? sinc(x) * sinc(x / support) : 0.0;
                case BICUBIC -> bicubic(x);
            };
        }

        private static double sinc(double x) {
            if (x == 0.0) {
                return 1.0;
            }
            double px = x * Math.PI;
            return StrictMath.sin(px) / px;
        }

        private static double bicubic(double x) {
            double a = -0.5;
            double t = Math.abs(x);
            if (t < 1.0) {
                return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
            }
            if (t < 2.0) {
                return (((t - 5) * t + 8) * t - 4) * a;
            }
            return 0.0;
        }
    }

    /** Receives the output rows in order; the array is reused for the next row. */
    @FunctionalInterface
    public interface RowSink {
        void row(int y, int[] packedRgb);
    }

    private PillowResampler() {
    }

    /** {@code image} resized to {@code width x height}, as {@link BufferedImage#TYPE_INT_RGB}. */
    public static BufferedImage resize(BufferedImage image, int width, int height, Filter filter) {
        int sourceWidth = image.getWidth();
        int[] source = image.getRGB(0, 0, sourceWidth, image.getHeight(), null, 0, sourceWidth);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        resize(source, sourceWidth, image.getHeight(), width, height, filter,
                (y, row) -> System.arraycopy(row, 0, target, y * width, width));
        return out;
    }

    /**
     * Resizes packed RGB pixels (alpha ignored), handing each output row to {@code sink}.
     *
     * @throws IllegalArgumentException for an empty output size
     */
    public static void resize(int[] source, int sourceWidth, int sourceHeight, int width, int height, Filter filter,
                              RowSink sink) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
        }
        int[] row = new int[width];
        if (width == sourceWidth && height == sourceHeight) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = source[y * sourceWidth + x] & 0xffffff;
                }
                sink.row(y, row);
            }
            return;
        }
        Coefficients vertical = Coefficients.of(sourceHeight, height, filter);
        int[] rows = source;
        int firstRow = 0;
        int rowWidth = sourceWidth;
        if (width != sourceWidth) {
            firstRow = vertical.first[0];
            int lastRow = vertical.first[height - 1] + vertical.count[height - 1];
            rows = horizontal(source, sourceWidth, firstRow, lastRow - firstRow, width,
                    Coefficients.of(sourceWidth, width, filter));
            rowWidth = width;
        }
        for (int y = 0; y < height; y++) {
            if (height == sourceHeight) {
                int from = (y - firstRow) * rowWidth;
                for (int x = 0; x < width; x++) {
                    row[x] = rows[from + x] & 0xffffff;
                }
            } else {
                verticalRow(rows, rowWidth, firstRow, y, vertical, row);
            }
            sink.row(y, row);
        }
    }

    private static int[] horizontal(int[] in, int width, int firstRow, int rows, int outWidth, Coefficients c) {
        int[] out = new int[outWidth * rows];
        for (int y = 0; y < rows; y++) {
            int row = (firstRow + y) * width;
            for (int x = 0; x < outWidth; x++) {
                int r = 1 << (PRECISION_BITS - 1);
                int g = r;
                int b = r;
                int first = c.first[x];
                int k = x * c.size;
                for (int i = 0; i < c.count[x]; i++) {
                    int p = in[row + first + i];
                    int w = c.fixed[k + i];
                    r += ((p >> 16) & 0xff) * w;
                    g += ((p >> 8) & 0xff) * w;
                    b += (p & 0xff) * w;
                }
                out[y * outWidth + x] = (clip8(r) << 16) | (clip8(g) << 8) | clip8(b);
            }
        }
        return out;
    }

    private static void verticalRow(int[] in, int width, int firstRow, int y, Coefficients c, int[] out) {
        int first = c.first[y] - firstRow;
        int k = y * c.size;
        for (int x = 0; x < width; x++) {
            int r = 1 << (PRECISION_BITS - 1);
            int g = r;
            int b = r;
            for (int i = 0; i < c.count[y]; i++) {
                int p = in[(first + i) * width + x];
                int w = c.fixed[k + i];
                r += ((p >> 16) & 0xff) * w;
                g += ((p >> 8) & 0xff) * w;
                b += (p & 0xff) * w;
            }
            out[x] = (clip8(r) << 16) | (clip8(g) << 8) | clip8(b);
        }
    }

    private static int clip8(int sum) {
        return Math.max(0, Math.min(255, sum >> PRECISION_BITS));
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

        static Coefficients of(int inSize, int outSize, Filter filter) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(1.0, scale);
            double support = filter.support * filterScale;
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
                    double w = filter.weight((i + min - center + 0.5) * inverseScale);
                    weights[i] = w;
                    total += w;
                }
                for (int i = 0; i < max; i++) {
                    double w = total != 0 ? weights[i] / total : weights[i];
                    // C's (int) truncates toward zero, as Java's cast does
                    fixed[x * size + i] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS)
                            : 0.5 + w * (1 << PRECISION_BITS));
                }
                first[x] = min;
                count[x] = max;
            }
            return new Coefficients(size, first, count, fixed);
        }
    }
}
