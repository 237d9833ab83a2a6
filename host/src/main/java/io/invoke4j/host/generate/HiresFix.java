package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;

/**
 * {@code --hires_fix} as InvokeAI 2.x runs it ({@code txt2img2img.py}): a first pass at about 512x512 worth of
 * pixels with the same aspect, its latents upscaled bilinearly to the requested size, then a DDIM img2img pass
 * over them. This class holds the two size rules; the passes are the txt2img and img2img pipelines.
 */
public final class HiresFix {
    private static final double FIRST_PASS_AREA = 512.0 * 512.0;

    private HiresFix() {
    }

    /**
     * The first pass's size: {@code s = sqrt(512 * 512 / (W * H))}, each side {@code ceil(s * side / 64) * 64}.
     * 512x512 stays, 768x768 and 384x384 become 512x512, 1024x768 becomes 640x448, 1024x512 768x384.
     *
     * @return {width, height}
     */
    public static int[] firstPassSize(int width, int height) {
        double s = Math.sqrt(FIRST_PASS_AREA / ((double) width * height));
        return new int[] {(int) Math.ceil(s * width / 64) * 64, (int) Math.ceil(s * height / 64) * 64};
    }

    /**
     * torch's {@code F.interpolate(x, size=(h, w), mode="bilinear", align_corners=False)} on latents, in float32:
     * source coordinate {@code (dst + 0.5) * in / out - 0.5}, clamped at 0, between the two nearest samples.
     */
    public static Latents resizeBilinear(Latents x, int height, int width) {
        int[] shape = x.shape();
        int channels = shape[0] * shape[1];
        int inH = shape[2];
        int inW = shape[3];
        float[] in = x.data();
        float[] out = new float[channels * height * width];
        float scaleH = (float) inH / height;
        float scaleW = (float) inW / width;
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < height; oy++) {
                float sy = Math.max(scaleH * (oy + 0.5f) - 0.5f, 0f);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, inH - 1);
                float ly = sy - y0;
                for (int ox = 0; ox < width; ox++) {
                    float sx = Math.max(scaleW * (ox + 0.5f) - 0.5f, 0f);
                    int x0 = (int) sx;
                    int x1 = Math.min(x0 + 1, inW - 1);
                    float lx = sx - x0;
                    int base = c * inH * inW;
                    float top = (1 - lx) * in[base + y0 * inW + x0] + lx * in[base + y0 * inW + x1];
                    float bottom = (1 - lx) * in[base + y1 * inW + x0] + lx * in[base + y1 * inW + x1];
                    out[c * height * width + oy * width + ox] = (1 - ly) * top + ly * bottom;
                }
            }
        }
        return new Latents(out, shape[0], shape[1], height, width);
    }
}
