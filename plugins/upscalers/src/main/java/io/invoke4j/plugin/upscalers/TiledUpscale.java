package io.invoke4j.plugin.upscalers;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Real-ESRGAN's {@code RealESRGANer.tile_process}: the image, padded at the bottom and right by reflection to the
 * multiple its model needs, is cut into {@code tile x tile} pieces; each piece is run with {@code pad} pixels of
 * its neighbours around it (fewer at the image's edges), and only the piece's own part of the result is kept. So
 * the model never sees more than {@code (tile + 2 pad)^2} pixels, and a 2048x2048 image upscales in the memory of
 * one tile plus the result; where the receptive field of the network is within {@code pad}, the result equals
 * one call on the whole image.
 *
 * <p>Pixels go in as RGB planes {@code p / 255} and come out clamped to [0, 1], times 255, rounded half to even,
 * as Real-ESRGAN converts them. One input buffer per tile shape (at most four: inside, right, bottom, corner) is
 * reused from tile to tile.
 */
final class TiledUpscale {
    private final InferenceSession model;
    private final String input;
    private final String output;
    private final int scale;
    private final int multiple;
    private final int tile;
    private final int pad;
    private final BooleanSupplier cancelled;

    private TiledUpscale(InferenceSession model, String input, String output, int scale, int multiple, int tile,
                         int pad, BooleanSupplier cancelled) {
        this.model = model;
        this.input = input;
        this.output = output;
        this.scale = scale;
        this.multiple = multiple;
        this.tile = tile;
        this.pad = pad;
        this.cancelled = cancelled;
    }

    /**
     * @param model     a model with one image input and one image output (the first declared of each)
     * @param tile      the side of a tile in input pixels; 0 or less runs the whole image in one call. Rounded down
     *                  to the multiple the model needs
     * @param pad       pixels of context around each tile; rounded up to that multiple
     * @param cancelled polled before each tile
     */
    static TiledUpscale over(InferenceSession model, int tile, int pad, BooleanSupplier cancelled) {
        String input = model.inputs().get(0).name();
        String output = model.outputs().get(0).name();
        int scale = NativeScale.of(model, input, output);
        int multiple = NativeScale.inputMultiple(scale);
        int tileSize = tile <= 0 ? 0 : Math.max(multiple, tile - tile % multiple);
        int padSize = Math.max(0, (pad + multiple - 1) / multiple * multiple);
        return new TiledUpscale(model, input, output, scale, multiple, tileSize, padSize, cancelled);
    }

    /** How many times larger the model makes an image. */
    int scale() {
        return scale;
    }

    /** The image upscaled by {@link #scale()}, as {@link BufferedImage#TYPE_INT_RGB}. */
    BufferedImage run(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] source = image.getRGB(0, 0, width, height, null, 0, width);
        int paddedWidth = roundUp(width, multiple);
        int paddedHeight = roundUp(height, multiple);
        int tileWidth = tile <= 0 ? paddedWidth : Math.min(tile, paddedWidth);
        int tileHeight = tile <= 0 ? paddedHeight : Math.min(tile, paddedHeight);
        int tilesX = (paddedWidth + tileWidth - 1) / tileWidth;
        int tilesY = (paddedHeight + tileHeight - 1) / tileHeight;

        BufferedImage result = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        Map<Long, float[]> buffers = new HashMap<>();
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                int x0 = tx * tileWidth;
                int y0 = ty * tileHeight;
                int x1 = Math.min(x0 + tileWidth, paddedWidth);
                int y1 = Math.min(y0 + tileHeight, paddedHeight);
                int padX0 = Math.max(x0 - pad, 0);
                int padY0 = Math.max(y0 - pad, 0);
                int padX1 = Math.min(x1 + pad, paddedWidth);
                int padY1 = Math.min(y1 + pad, paddedHeight);
                int w = padX1 - padX0;
                int h = padY1 - padY0;
                float[] planes = buffers.computeIfAbsent(((long) w << 32) | h, key -> new float[3 * w * h]);
                fill(planes, source, width, height, padX0, padY0, w, h);
                Tensor upscaled = model.run(Map.of(input, Tensor.ofFloats(planes, 1, 3, h, w))).get(output);
                if (upscaled.dim(2) != (long) h * scale || upscaled.dim(3) != (long) w * scale) {
                    throw new InferenceException(model + ": a " + w + "x" + h + " tile came back as " + upscaled
                            + ", not " + scale + " times larger");
                }
                keep(upscaled.floats(), w * scale, h * scale, padX0 * scale, padY0 * scale,
                        x0 * scale, Math.min(x1, width) * scale, y0 * scale, Math.min(y1, height) * scale,
                        out, width * scale);
            }
        }
        return result;
    }

    /** The tile's pixels as RGB planes in [0, 1]; columns and rows past the image mirror back into it. */
    private static void fill(float[] planes, int[] source, int width, int height, int left, int top, int w, int h) {
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            int row = reflect(top + y, height) * width;
            for (int x = 0; x < w; x++) {
                int rgb = source[row + reflect(left + x, width)];
                int i = y * w + x;
                planes[i] = ((rgb >> 16) & 0xff) / 255f;
                planes[plane + i] = ((rgb >> 8) & 0xff) / 255f;
                planes[2 * plane + i] = (rgb & 0xff) / 255f;
            }
        }
    }

    /** torch's {@code 'reflect'} padding: the edge pixel is not repeated. */
    private static int reflect(int i, int size) {
        return i < size ? i : Math.max(0, 2 * (size - 1) - i);
    }

    /**
     * Copies the part {@code [keepX0, keepX1) x [keepY0, keepY1)} (output coordinates) of a tile's result, whose
     * top left is at {@code (tileX, tileY)}, into the output image.
     */
    private static void keep(float[] result, int w, int h, int tileX, int tileY, int keepX0, int keepX1, int keepY0,
                             int keepY1, int[] out, int outWidth) {
        int plane = w * h;
        for (int y = keepY0; y < keepY1; y++) {
            int row = (y - tileY) * w - tileX;
            int target = y * outWidth;
            for (int x = keepX0; x < keepX1; x++) {
                int i = row + x;
                out[target + x] = (toByte(result[i]) << 16) | (toByte(result[plane + i]) << 8)
                        | toByte(result[2 * plane + i]);
            }
        }
    }

    /** {@code (clamp(v, 0, 1) * 255).round()} in float32, numpy's round half to even. */
    private static int toByte(float value) {
        float unit = Math.min(Math.max(value, 0f), 1f);
        return (int) Math.rint(unit * 255f);
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
