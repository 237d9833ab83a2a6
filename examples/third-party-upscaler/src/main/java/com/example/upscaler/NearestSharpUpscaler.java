package com.example.upscaler;

import io.invoke4j.api.PostprocessContext;
import io.invoke4j.api.Upscaler;
import java.awt.image.BufferedImage;
import org.pf4j.Extension;

/**
 * {@code nearest-sharp}: each pixel becomes a {@code scale x scale} block, then an unsharp mask (the image plus
 * {@code amount} times its difference from a 3x3 box blur) crisps the block edges. It needs no model file; its
 * one option, {@code amount} (default 0.5), comes from its models.yaml entry.
 */
@Extension
public final class NearestSharpUpscaler implements Upscaler {

    @Override
    public String name() {
        return "nearest-sharp";
    }

    @Override
    public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
        double amount = context.doubleOption("amount", 0.5);
        int width = image.getWidth() * scale;
        int height = image.getHeight() * scale;
        int[] big = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                big[y * width + x] = image.getRGB(x / scale, y / scale);
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int centre = (big[y * width + x] >> shift) & 0xff;
                    int sum = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                                sum += (big[ny * width + nx] >> shift) & 0xff;
                                count++;
                            }
                        }
                    }
                    double sharpened = centre + amount * (centre - (double) sum / count);
                    rgb |= (int) Math.max(0, Math.min(255, Math.round(sharpened))) << shift;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }
}
