package io.invoke4j.host.generate;

/**
 * Pillow's {@code Image.resize} for one 8-bit channel plane, so that init images and masks get InvokeAI's pixels:
 * {@link #lanczos} is {@code Resampling.LANCZOS} ({@link PillowResampler}'s); {@link #nearest} is
 * {@code Resampling.NEAREST}
 * ({@code ImagingScaleAffine}: source pixel {@code floor((x + 0.5) * in / out)}, accumulated in double).
 *
 * <p>Each method resizes one channel plane of {@code width * height} values 0-255, row by row.
 */
final class PillowResize {
    private PillowResize() {
    }

    /**
     * {@code plane} resized to {@code outWidth x outHeight} with Pillow's LANCZOS filter: the plane goes through
     * {@link PillowResampler} as a grey image, whose three channels are each resampled exactly as one plane is.
     */
    static int[] lanczos(int[] plane, int width, int height, int outWidth, int outHeight) {
        requirePositive(outWidth, outHeight);
        int[] grey = new int[plane.length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = plane[i] * 0x010101;
        }
        int[] out = new int[outWidth * outHeight];
        PillowResampler.resize(grey, width, height, outWidth, outHeight, PillowResampler.Filter.LANCZOS, (y, row) -> {
            for (int x = 0; x < outWidth; x++) {
                out[y * outWidth + x] = row[x] & 0xff;
            }
        });
        return out;
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
}
