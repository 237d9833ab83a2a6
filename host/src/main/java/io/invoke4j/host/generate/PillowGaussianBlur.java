package io.invoke4j.host.generate;

/**
 * Pillow's {@code ImageFilter.GaussianBlur(radius)} on packed ARGB pixels, every channel alike (Pillow blurs each
 * band of an RGBA image, alpha included, without premultiplying). Pillow does not convolve with a Gaussian: it runs
 * three passes of an extended box blur (Gwosdek et al., "Theoretical foundations of Gaussian convolution by extended
 * box filtering") whose fractional radius gives the variance of a Gaussian of standard deviation {@code radius}, first
 * along the rows, then along the columns, each pass rounded to 8 bits. Pixels past an edge repeat the edge pixel. The
 * arithmetic is Pillow's: the box radius in {@code float}, the weights as 24-bit fixed point.
 */
public final class PillowGaussianBlur {
    /** Pillow's number of box passes for a Gaussian. */
    private static final int PASSES = 3;
    private static final int ONE = 1 << 24;
    private static final int HALF = 1 << 23;

    private PillowGaussianBlur() {
    }

    /**
     * @param argb   the pixels row by row, {@code width * height} of them; not changed
     * @param radius the Gaussian's standard deviation in pixels, as Pillow's {@code radius}
     * @return the blurred pixels
     */
    public static int[] blur(int[] argb, int width, int height, double radius) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels are not " + width + "x" + height);
        }
        float boxRadius = boxRadius((float) radius);
        int[] out = argb.clone();
        if (boxRadius == 0f) {
            return out;
        }
        for (int shift = 0; shift < 32; shift += 8) {
            int[] channel = new int[argb.length];
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (argb[i] >>> shift) & 0xff;
            }
            for (int pass = 0; pass < PASSES; pass++) {
                channel = boxRows(channel, width, height, boxRadius);
            }
            channel = transpose(channel, width, height);
            for (int pass = 0; pass < PASSES; pass++) {
                channel = boxRows(channel, height, width, boxRadius);
            }
            channel = transpose(channel, height, width);
            for (int i = 0; i < out.length; i++) {
                out[i] = (out[i] & ~(0xff << shift)) | channel[i] << shift;
            }
        }
        return out;
    }

    /** Pillow's {@code _gaussian_blur_radius}: the extended box's radius whose passes give variance radius². */
    static float boxRadius(float radius) {
        float sigma2 = radius * radius / PASSES;
        float length = (float) Math.sqrt(12.0 * sigma2 + 1.0);
        float whole = (float) Math.floor((length - 1.0) / 2.0);
        float fraction = (2 * whole + 1) * (whole * (whole + 1) - 3 * sigma2);
        fraction /= 6 * (sigma2 - (whole + 1) * (whole + 1));
        return whole + fraction;
    }

    /**
     * One extended box pass along each row: the {@code 2r + 1} pixels around each one at full weight and the two
     * beyond them at the fractional weight, in Pillow's fixed point.
     */
    private static int[] boxRows(int[] in, int width, int height, float boxRadius) {
        int r = (int) boxRadius;
        long whole = (long) ((float) ONE / (boxRadius * 2 + 1));
        long edge = (ONE - (r * 2L + 1) * whole) / 2;
        int[] out = new int[in.length];
        int last = width - 1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            long sum = 0;
            // the window around x = -1
            for (int k = -1 - r; k <= -1 + r; k++) {
                sum += in[row + clamp(k, last)];
            }
            for (int x = 0; x < width; x++) {
                sum += in[row + clamp(x + r, last)] - in[row + clamp(x - r - 1, last)];
                long far = in[row + clamp(x - r - 1, last)] + in[row + clamp(x + r + 1, last)];
                out[row + x] = (int) ((sum * whole + far * edge + HALF) >>> 24);
            }
        }
        return out;
    }

    private static int clamp(int index, int last) {
        return index < 0 ? 0 : Math.min(index, last);
    }

    private static int[] transpose(int[] in, int width, int height) {
        int[] out = new int[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + y] = in[y * width + x];
            }
        }
        return out;
    }
}
