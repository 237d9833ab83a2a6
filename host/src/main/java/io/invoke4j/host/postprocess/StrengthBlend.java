package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * How InvokeAI applies {@code -G} and {@code -U} strength: below 1, the original is resized to the result's size
 * with Pillow's default filter (BICUBIC; the same size is a copy) and PIL's {@code Image.blend(original, result,
 * strength)} mixes them: {@code o + s (r - o)} per 8-bit channel in C float, truncated.
 */
public final class StrengthBlend {
    private StrengthBlend() {
    }

    /**
     * @param original the image before the tool
     * @param result   the tool's full-strength result, {@link BufferedImage#TYPE_INT_RGB}; changed in place
     * @param strength 0 gives the (resized) original, 1 the result
     * @return {@code result}, blended
     */
    public static BufferedImage apply(BufferedImage original, BufferedImage result, double strength) {
        if (strength >= 1.0) {
            return result;
        }
        if (result.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("blends into an int RGB image, not type " + result.getType());
        }
        // PIL takes alpha as a C float
        float alpha = (float) strength;
        int width = result.getWidth();
        int[] blended = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        int[] source = original.getRGB(0, 0, original.getWidth(), original.getHeight(), null, 0, original.getWidth());
        PillowResampler.resize(source, original.getWidth(), original.getHeight(), width, result.getHeight(),
                PillowResampler.Filter.BICUBIC, (y, row) -> {
                    int offset = y * width;
                    for (int x = 0; x < width; x++) {
                        int o = row[x];
                        int r = blended[offset + x];
                        blended[offset + x] = (mix((o >> 16) & 0xff, (r >> 16) & 0xff, alpha) << 16)
                                | (mix((o >> 8) & 0xff, (r >> 8) & 0xff, alpha) << 8) | mix(o & 0xff, r & 0xff, alpha);
                    }
                });
        return result;
    }

    /** libImaging's {@code (UINT8) ((int) in1 + alpha * ((int) in2 - (int) in1))}. */
    static int mix(int original, int result, float alpha) {
        return (int) (original + alpha * (result - original));
    }
}
