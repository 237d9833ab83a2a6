package io.invoke4j.plugin.facerestorers;

import java.util.Arrays;

/**
 * facexlib's {@code paste_faces_to_input_image} at upscale 1: the restored 512x512 face is warped back into the
 * image with the inverse of its alignment, and so is a mask of ones; the mask is eroded by 2 pixels, then by
 * {@code 2 w} more and blurred with a {@code 2 w + 1} Gaussian, where {@code w} is a twentieth of the square root
 * of the mask's area; the image becomes {@code soft * mask * face + (1 - soft) * image}, truncated to 8 bits.
 *
 * <p>All of it happens inside the face's footprint ({@link Region#footprint}): everywhere else the soft mask is 0,
 * so those pixels are left exactly as they were.
 */
final class PasteBack {
    static final int FACE = 512;
    private static final float[] ONES = new float[FACE * FACE];
    private static final float[] ZERO_RGB = {0f, 0f, 0f};
    private static final float[] ZERO = {0f};

    static {
        Arrays.fill(ONES, 1f);
    }

    private PasteBack() {
    }

    /**
     * @param image      packed RGB pixels, changed in place
     * @param restored   the restored face, RGB planes of 512x512 with values 0-255
     * @param toTemplate the alignment the face was cropped with (image to face frame)
     * @return the pixels that may have changed
     */
    static Region paste(int[] image, int width, int height, float[] restored, SimilarityTransform toTemplate) {
        Region box = Region.footprint(toTemplate.inverse(), FACE, width, height);
        if (box.isEmpty()) {
            return box;
        }
        int w = box.width();
        int h = box.height();
        float[] face = AffineWarp.warp(restored, FACE, FACE, 3, toTemplate, box.left(), box.top(), w, h, ZERO_RGB,
                true);
        float[] mask = AffineWarp.warp(ONES, FACE, FACE, 1, toTemplate, box.left(), box.top(), w, h, ZERO, false);
        float[] eroded = MaskFilters.erode(mask, w, h, 2);
        double area = 0;
        for (float v : eroded) {
            area += v;
        }
        int edge = (int) Math.sqrt(area) / 20;
        float[] centre = MaskFilters.erode(eroded, w, h, 2 * edge);
        float[] soft = MaskFilters.gaussianBlur(centre, w, h, 2 * edge + 1);
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float s = soft[i];
                if (s == 0f) {
                    continue;
                }
                int p = (box.top() + y) * width + box.left() + x;
                int rgb = image[p];
                int out = 0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    float pasted = eroded[i] * face[c * plane + i];
                    float v = s * pasted + (1f - s) * ((rgb >> shift) & 0xff);
                    out |= Math.min(255, Math.max(0, (int) v)) << shift;
                }
                image[p] = out;
            }
        }
        return box;
    }
}
