package io.invoke4j.host.generate;

import java.awt.image.BufferedImage;

/**
 * InvokeAI 2.2.5's last inpainting step: the init image's own pixels are pasted back over the generated image
 * through the keep mask, eroded and then box-blurred by {@value #BLUR_RADIUS} pixels, so the kept area is the
 * input itself and the seam fades over a band inside it. (InvokeAI also matches the colours of the generated area
 * to the input's mean and spread; that step is not done here.)
 */
public final class MaskPasteBack {
    /** InvokeAI's {@code mask_blur_radius}. */
    static final int BLUR_RADIUS = 8;

    private MaskPasteBack() {
    }

    /**
     * @param init      the init image at the work size
     * @param generated the decoded result, same size
     * @param keepAlpha the mask alpha at the work size, row by row: 255 keeps the init pixel, 0 repaints
     * @return a new image: {@code init * k + generated * (1 - k)} per channel, k the softened mask
     */
    public static BufferedImage apply(BufferedImage init, BufferedImage generated, int[] keepAlpha) {
        int w = generated.getWidth();
        int h = generated.getHeight();
        int[] keep = boxBlur(erode(keepAlpha, w, h, BLUR_RADIUS), w, h, BLUR_RADIUS);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = keep[y * w + x];
                int a = init.getRGB(x, y);
                int b = generated.getRGB(x, y);
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int channel = (((a >> shift) & 0xff) * k + ((b >> shift) & 0xff) * (255 - k) + 127) / 255;
                    rgb |= channel << shift;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /** Minimum over a (2r+1)-square: the kept area shrinks by r, so the blur band stays inside it. */
    static int[] erode(int[] alpha, int w, int h, int r) {
        return separable(alpha, w, h, r, true);
    }

    /** Mean over a (2r+1)-square, edges clamped. */
    static int[] boxBlur(int[] alpha, int w, int h, int r) {
        return separable(alpha, w, h, r, false);
    }

    private static int[] separable(int[] in, int w, int h, int r, boolean minimum) {
        int[] rows = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rows[y * w + x] = window(in, y * w, 1, w, x, r, minimum);
            }
        }
        int[] out = new int[in.length];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                out[y * w + x] = window(rows, x, w, h, y, r, minimum);
            }
        }
        return out;
    }

    private static int window(int[] v, int start, int stride, int length, int centre, int r, boolean minimum) {
        int min = 255;
        long sum = 0;
        for (int d = -r; d <= r; d++) {
            int i = Math.min(Math.max(centre + d, 0), length - 1);
            int value = v[start + i * stride];
            min = Math.min(min, value);
            sum += value;
        }
        return minimum ? min : (int) ((sum + r) / (2L * r + 1));
    }
}
