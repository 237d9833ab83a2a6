package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowGaussianBlur;
import io.invoke4j.host.generate.PillowResampler;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The init image of {@code !fix FILE -c DIRECTION PIXELS ...}, made as InvokeAI 2.0.1's {@code outcrop.py} makes
 * it. The pairs are read into a Python dict (a side given twice keeps its first place and its last pixels); for
 * each, PIXELS is rounded up to a multiple of 64 and, with that side turned to the top, the canvas grows by PIXELS
 * rows: the new band is the picture's top PIXELS/2 rows stretched to PIXELS (Pillow's bicubic resize, on
 * premultiplied colours where there is transparency), the whole canvas is blurred (Pillow's Gaussian blur, radius
 * PIXELS/2), the picture is pasted back sharp, and the top 2·PIXELS rows (the band and as many rows of the
 * picture) are made fully transparent for inpainting to repaint.
 */
final class OutcropCanvas {
    private static final int MULTIPLE = 64;

    private OutcropCanvas() {
    }

    /**
     * @param image    the source, RGB
     * @param words    {@code -c}'s words: side and pixel count (a plain decimal) in pairs
     * @param messages InvokeAI's {@code >> extending image <side>ward by <pixels> pixels} for each side
     * @return the canvas, {@link BufferedImage#TYPE_INT_ARGB}
     */
    static BufferedImage of(BufferedImage image, List<String> words, Consumer<String> messages) {
        Map<String, Integer> extents = new LinkedHashMap<>();
        for (int i = 0; i + 1 < words.size(); i += 2) {
            extents.put(words.get(i), Integer.parseInt(words.get(i + 1)));
        }
        BufferedImage current = CanvasSides.argb(image);
        // the source has no alpha: what lies past its edge is opaque black, as a crop of an RGB image gives
        int outside = 0xff000000;
        for (Map.Entry<String, Integer> extent : extents.entrySet()) {
            int pixels = (extent.getValue() + MULTIPLE - 1) / MULTIPLE * MULTIPLE;
            messages.accept(">> extending image " + extent.getKey() + "ward by " + pixels + " pixels");
            current = CanvasSides.fromTop(extend(CanvasSides.toTop(current, extent.getKey()), pixels, outside),
                    extent.getKey());
            outside = 0;
        }
        return current;
    }

    /** Grows the top of {@code image} by {@code pixels} rows. */
    private static BufferedImage extend(BufferedImage image, int pixels, int outside) {
        int width = image.getWidth();
        int height = image.getHeight();
        int canvasHeight = height + pixels;
        int[] picture = image.getRGB(0, 0, width, height, null, 0, width);
        int[] canvas = new int[width * canvasHeight];
        int sliceHeight = pixels / 2;
        int[] slice = new int[width * sliceHeight];
        for (int i = 0; i < slice.length; i++) {
            slice[i] = i < picture.length ? picture[i] : outside;
        }
        int[] band = stretch(slice, width, sliceHeight, pixels);
        System.arraycopy(band, 0, canvas, 0, band.length);
        System.arraycopy(picture, 0, canvas, band.length, picture.length);
        canvas = PillowGaussianBlur.blur(canvas, width, canvasHeight, pixels / 2);
        System.arraycopy(picture, 0, canvas, width * pixels, picture.length);
        int transparent = Math.min(2 * pixels, canvasHeight) * width;
        for (int i = 0; i < transparent; i++) {
            canvas[i] &= 0xffffff;
        }
        BufferedImage out = new BufferedImage(width, canvasHeight, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, canvasHeight, canvas, 0, width);
        return out;
    }

    /**
     * Pillow's default (bicubic) resize of ARGB rows to {@code height} rows. Where some pixel is not opaque Pillow
     * resizes the colours premultiplied by alpha ({@code RGBa}) and divides them out again.
     */
    private static int[] stretch(int[] argb, int width, int sourceHeight, int height) {
        int[] out = new int[width * height];
        boolean opaque = true;
        for (int p : argb) {
            opaque &= p >>> 24 == 0xff;
        }
        if (opaque) {
            PillowResampler.resize(argb, width, sourceHeight, width, height, PillowResampler.Filter.BICUBIC,
                    (y, row) -> {
                        for (int x = 0; x < width; x++) {
                            out[y * width + x] = 0xff000000 | row[x];
                        }
                    });
            return out;
        }
        int[] premultiplied = new int[argb.length];
        int[] alpha = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int a = argb[i] >>> 24;
            premultiplied[i] = times(argb[i] >> 16 & 0xff, a) << 16 | times(argb[i] >> 8 & 0xff, a) << 8
                    | times(argb[i] & 0xff, a);
            alpha[i] = a << 16 | a << 8 | a;
        }
        int[] alphaOut = new int[out.length];
        PillowResampler.resize(alpha, width, sourceHeight, width, height, PillowResampler.Filter.BICUBIC,
                (y, row) -> {
                    for (int x = 0; x < width; x++) {
                        alphaOut[y * width + x] = row[x] & 0xff;
                    }
                });
        PillowResampler.resize(premultiplied, width, sourceHeight, width, height, PillowResampler.Filter.BICUBIC,
                (y, row) -> {
                    for (int x = 0; x < width; x++) {
                        int a = alphaOut[y * width + x];
                        int p = row[x];
                        out[y * width + x] = a << 24 | divided(p >> 16 & 0xff, a) << 16
                                | divided(p >> 8 & 0xff, a) << 8 | divided(p & 0xff, a);
                    }
                });
        return out;
    }

    /** Pillow's {@code MULDIV255}: {@code value * alpha / 255}, rounded. */
    private static int times(int value, int alpha) {
        int t = value * alpha + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** Pillow's {@code RGBa} to {@code RGBA}: the colour divided by alpha, clipped; black where alpha is 0. */
    private static int divided(int value, int alpha) {
        if (alpha == 0) {
            return 0;
        }
        return alpha == 255 ? value : Math.min(255, 255 * value / alpha);
    }
}
