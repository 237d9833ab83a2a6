package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;

/**
 * The alpha layers InvokeAI's embiggen lays its tiles with, for tiles made left to right, top to bottom: a tile
 * fades in over the band it shares with the tile on its left ({@link #left}) and the one above ({@link #top}), with
 * a radial corner where both meet ({@link #leftTopCorner}); a tile that has a neighbour coming on its right keeps
 * an asymmetric corner at its top right, so that the neighbour's curved corner does not uncover a hard edge
 * ({@link #topAsymmetric}, {@link #leftTopAsymmetric}).
 *
 * <p>{@code --embiggen_tiles} lays single tiles over the enlarged image, so a tile may also fade out towards its
 * right and bottom neighbours, with radial corners turned to each side ({@link #layer}, after InvokeAI's
 * {@code alphaLayerR}, {@code alphaLayerAA} and the rest).
 *
 * <p>The gradients are InvokeAI's 256-step ones (linear, radial from the bottom-right, and the asymmetric
 * diagonal) resized to the overlap with Pillow's BICUBIC filter, as {@code Image.resize} does by default.
 * Each layer is {@code width x height} alpha values 0-255, row by row.
 */
final class EmbiggenMasks {
    private final int width;
    private final int height;
    private final int[] gradientLeft;
    private final int[] gradientTop;
    private final int[] corner;
    private final int[] cornerBottomRight;
    private final int[] cornerBottomLeft;
    private final int[] cornerTopRight;
    private final int[] asymmetricCorner;
    private final int overlapX;
    private final int overlapY;

    EmbiggenMasks(int width, int height, int overlapX, int overlapY) {
        this.width = width;
        this.height = height;
        this.overlapX = overlapX;
        this.overlapY = overlapY;
        int[] ramp = new int[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = i;
        }
        this.gradientLeft = resize(ramp, 256, 1, overlapX, 1);
        this.gradientTop = resize(ramp, 1, 256, 1, overlapY);
        int[] radial = new int[256 * 256];
        int[] asymmetric = new int[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                double distance = Math.min(255, Math.sqrt((255.0 - x) * (255 - x) + (255.0 - y) * (255 - y)));
                radial[y * 256 + x] = (int) Math.rint(255 - distance);
                // InvokeAI's diagonal, then rotate(270): the value at (x, y) is the diagonal's at (y, 255 - x)
                int dy = 255 - x;
                double value = Math.rint(Math.max(0, y - (255 - dy)) * (255.0 / Math.max(1, dy)));
                asymmetric[y * 256 + x] = (int) Math.max(0, Math.min(255, value));
            }
        }
        this.corner = resize(radial, 256, 256, overlapX, overlapY);
        // InvokeAI turns the 256x256 corner (rotate 180, 90, 270) before it resizes it
        int[] turned180 = new int[256 * 256];
        int[] turned90 = new int[256 * 256];
        int[] turned270 = new int[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                turned180[y * 256 + x] = radial[(255 - y) * 256 + 255 - x];
                turned90[y * 256 + x] = radial[x * 256 + 255 - y];
                turned270[y * 256 + x] = radial[(255 - x) * 256 + y];
            }
        }
        this.cornerBottomRight = resize(turned180, 256, 256, overlapX, overlapY);
        this.cornerBottomLeft = resize(turned90, 256, 256, overlapX, overlapY);
        this.cornerTopRight = resize(turned270, 256, 256, overlapX, overlapY);
        this.asymmetricCorner = resize(asymmetric, 256, 256, overlapX, overlapY);
    }

    /** Fades in from the left over the overlap. */
    int[] left() {
        int[] layer = opaque();
        pasteLeft(layer);
        return layer;
    }

    /** Fades in from the top. */
    int[] top() {
        int[] layer = opaque();
        pasteTop(layer);
        return layer;
    }

    /** Fades in from the left and the top, with the radial corner. */
    int[] leftTopCorner() {
        int[] layer = opaque();
        pasteLeft(layer);
        pasteTop(layer);
        paste(layer, corner, 0, 0);
        return layer;
    }

    /** {@link #top()} with the asymmetric corner at the top right. */
    int[] topAsymmetric() {
        int[] layer = top();
        paste(layer, asymmetricCorner, width - overlapX, 0);
        return layer;
    }

    /** {@link #leftTopCorner()} with the asymmetric corner at the top right. */
    int[] leftTopAsymmetric() {
        int[] layer = leftTopCorner();
        paste(layer, asymmetricCorner, width - overlapX, 0);
        return layer;
    }

    /**
     * The layers of a tile laid alone over the enlarged image, by InvokeAI's names: the sides it fades in over
     * (L left, R right, T top, B bottom; {@code C} with a radial corner between them), {@code AB*} all but that
     * side, {@code AA} all around.
     */
    enum Redo {
        OPAQUE, L, R, B, LR, TB, LBC, RBC, RTC, LTC, TAC, LTAC, ABT, ABL, ABR, ABB, AA
    }

    /** The layer of {@link Redo} {@code kind}, or {@code null} for an opaque tile. */
    int[] layer(Redo kind) {
        int[] layer = opaque();
        switch (kind) {
            case OPAQUE -> {
                return null;
            }
            case L -> pasteLeft(layer);
            case R -> pasteRight(layer);
            case B -> pasteBottom(layer);
            case LR -> {
                pasteLeft(layer);
                pasteRight(layer);
            }
            case TB -> {
                pasteTop(layer);
                pasteBottom(layer);
            }
            case LBC -> leftBottomCorner(layer);
            case RBC -> {
                pasteRight(layer);
                pasteBottom(layer);
                paste(layer, cornerBottomRight, width - overlapX, height - overlapY);
            }
            case RTC -> rightTopCorner(layer);
            case LTC -> {
                return leftTopCorner();
            }
            case TAC -> {
                return topAsymmetric();
            }
            case LTAC -> {
                return leftTopAsymmetric();
            }
            case ABT -> {
                leftBottomCorner(layer);
                pasteRight(layer);
                paste(layer, cornerBottomRight, width - overlapX, height - overlapY);
            }
            case ABL -> {
                rightTopCorner(layer);
                pasteBottom(layer);
                paste(layer, cornerBottomRight, width - overlapX, height - overlapY);
            }
            case ABR -> {
                leftBottomCorner(layer);
                pasteTop(layer);
                paste(layer, corner, 0, 0);
            }
            case ABB -> {
                rightTopCorner(layer);
                pasteLeft(layer);
                paste(layer, corner, 0, 0);
            }
            case AA -> {
                leftBottomCorner(layer);
                pasteRight(layer);
                paste(layer, cornerBottomRight, width - overlapX, height - overlapY);
                pasteTop(layer);
                paste(layer, corner, 0, 0);
                paste(layer, cornerTopRight, width - overlapX, 0);
            }
        }
        return layer;
    }

    private void leftBottomCorner(int[] layer) {
        pasteLeft(layer);
        pasteBottom(layer);
        paste(layer, cornerBottomLeft, 0, height - overlapY);
    }

    private void rightTopCorner(int[] layer) {
        pasteRight(layer);
        pasteTop(layer);
        paste(layer, cornerTopRight, width - overlapX, 0);
    }

    private int[] opaque() {
        int[] layer = new int[width * height];
        java.util.Arrays.fill(layer, 255);
        return layer;
    }

    private void pasteLeft(int[] layer) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < Math.min(overlapX, width); x++) {
                layer[y * width + x] = gradientLeft[x];
            }
        }
    }

    private void pasteTop(int[] layer) {
        for (int y = 0; y < Math.min(overlapY, height); y++) {
            for (int x = 0; x < width; x++) {
                layer[y * width + x] = gradientTop[y];
            }
        }
    }

    /** The left band turned half round, at the right edge. */
    private void pasteRight(int[] layer) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < overlapX; x++) {
                int column = width - overlapX + x;
                if (column >= 0) {
                    layer[y * width + column] = gradientLeft[overlapX - 1 - x];
                }
            }
        }
    }

    /** The top band turned half round, at the bottom edge. */
    private void pasteBottom(int[] layer) {
        for (int y = 0; y < overlapY; y++) {
            int row = height - overlapY + y;
            if (row >= 0) {
                for (int x = 0; x < width; x++) {
                    layer[row * width + x] = gradientTop[overlapY - 1 - y];
                }
            }
        }
    }

    /** An {@code overlapX x overlapY} patch with its top left at ({@code left}, {@code top}), clipped. */
    private void paste(int[] layer, int[] patch, int left, int top) {
        for (int y = 0; y < overlapY; y++) {
            if (top + y < 0 || top + y >= height) {
                continue;
            }
            for (int x = 0; x < overlapX; x++) {
                if (left + x >= 0 && left + x < width) {
                    layer[(top + y) * width + left + x] = patch[y * overlapX + x];
                }
            }
        }
    }

    /** A grey plane resized with BICUBIC; empty for an empty size. */
    private static int[] resize(int[] grey, int width, int height, int toWidth, int toHeight) {
        if (toWidth < 1 || toHeight < 1) {
            return new int[0];
        }
        int[] packed = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            packed[i] = grey[i] * 0x010101;
        }
        int[] out = new int[toWidth * toHeight];
        PillowResampler.resize(packed, width, height, toWidth, toHeight, PillowResampler.Filter.BICUBIC,
                (y, row) -> {
                    for (int x = 0; x < toWidth; x++) {
                        out[y * toWidth + x] = row[x] & 0xff;
                    }
                });
        return out;
    }
}
