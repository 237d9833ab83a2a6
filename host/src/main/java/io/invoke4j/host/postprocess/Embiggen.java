package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * InvokeAI's embiggen ({@code ldm/invoke/generator/embiggen.py}): the image is enlarged to the target size (an
 * upscaler pass at x4 when the scale is above 2, else x2, blended by the ESRGAN strength, then Lanczos to the
 * target), cut into tiles of {@code -W x -H} that overlap, each tile re-diffused by img2img with its own seed (the
 * base seed plus the tile's index, wrapping to 0 past 2^32 - 2), and the tiles laid back in order over a
 * transparent canvas, each after the first fading in over the tiles it overlaps ({@link EmbiggenMasks}), with
 * PIL's {@code alpha_composite}.
 *
 * <p>With {@code --embiggen_tiles} only the listed tiles (counted from 1, row by row) are re-diffused, each still
 * with its own seed, and laid over the enlarged image itself; a tile fades in on every side where its neighbour is
 * not redone as well, looking ahead right and down as InvokeAI does. Unlike InvokeAI, which made an empty image
 * for a tile number past the last tile or a number given twice, a number past the last tile is refused and a
 * repeated one counts once.
 */
public final class Embiggen {
    private static final long SEED_LIMIT = 0xFFFFFFFFL - 1;

    /** Re-diffuses one tile: img2img with DDIM at the embiggen strength and the given seed. */
    @FunctionalInterface
    public interface TileRenderer {
        BufferedImage render(BufferedImage tile, long seed);
    }

    /** The upscaler's pass: {@code null} when it could not run (it has said why). */
    @FunctionalInterface
    public interface Enlarger {
        BufferedImage upscale(BufferedImage image, int scale, double strength);
    }

    private final EmbiggenSettings settings;
    private final List<Integer> redo;
    private final int tileWidth;
    private final int tileHeight;
    private final Consumer<String> messages;
    private final BooleanSupplier cancelled;

    /**
     * @param redo       {@code --embiggen_tiles}: the 1-based numbers of the only tiles to redo, or {@code null} for
     *                   all
     * @param tileWidth  {@code -W}, a multiple of 64
     * @param tileHeight {@code -H}, a multiple of 64
     * @param cancelled  polled before each tile
     */
    public Embiggen(EmbiggenSettings settings, List<Integer> redo, int tileWidth, int tileHeight,
                    Consumer<String> messages, BooleanSupplier cancelled) {
        this.settings = settings;
        this.redo = redo == null ? null : redo.stream().distinct().sorted().toList();
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.messages = messages;
        this.cancelled = cancelled;
    }

    /**
     * The tiles of an image of this size: columns, rows, and the overlap in pixels each way.
     *
     * @param columns  tiles across
     * @param rows     tiles down
     * @param overlapX pixels a tile shares with the one on its left
     * @param overlapY pixels a tile shares with the one above
     */
    record Layout(int columns, int rows, int overlapX, int overlapY) {
    }

    /**
     * @param width  the enlarged image's width
     * @param height the enlarged image's height
     * @throws CommandException InvokeAI's message when one tile would do, or when the image is smaller than a
     *                          tile
     */
    Layout layout(int width, int height) {
        int overlapX;
        int overlapY;
        if (settings.overlap() < 1) {
            overlapX = (int) Math.rint(settings.overlap() * tileWidth);
            overlapY = (int) Math.rint(settings.overlap() * tileHeight);
        } else {
            overlapX = (int) Math.rint(settings.overlap());
            overlapY = overlapX;
        }
        if (overlapX >= tileWidth || overlapY >= tileHeight) {
            throw new CommandException("--embiggen: an overlap of " + overlapX + "x" + overlapY
                    + " pixels leaves nothing new in a tile of " + tileWidth + "x" + tileHeight);
        }
        int columns = width - tileWidth > 0 ? ceilDiv(width - tileWidth, tileWidth - overlapX) + 1 : 1;
        int rows = height - tileHeight > 0 ? ceilDiv(height - tileHeight, tileHeight - overlapY) + 1 : 1;
        if (columns <= 1 && rows <= 1) {
            throw new CommandException("ERROR: Based on the requested dimensions of " + width + "x" + height
                    + " and tiles of " + tileWidth + "x" + tileHeight
                    + " you don't need to Embiggen! Check your arguments.");
        }
        if (width < tileWidth || height < tileHeight) {
            // InvokeAI would crop past the image and fail to lay the tile at a negative place
            throw new CommandException("--embiggen: the enlarged image, " + width + "x" + height
                    + ", must be at least one tile (-W " + tileWidth + " -H " + tileHeight + ") each way");
        }
        return new Layout(columns, rows, overlapX, overlapY);
    }

    /** The enlarged image: the upscaler's pass (when the scale is not 1 and its strength above 0), then Lanczos. */
    BufferedImage enlarge(BufferedImage image, Enlarger upscaler) {
        if (settings.scale() == 1.0) {
            return image;
        }
        int width = (int) Math.rint(image.getWidth() * settings.scale());
        int height = (int) Math.rint(image.getHeight() * settings.scale());
        BufferedImage enlarged = image;
        if (settings.esrganStrength() > 0) {
            messages.accept(">> ESRGAN upscaling init image prior to cutting with Embiggen with strength "
                    + io.invoke4j.host.command.PythonFloat.format(settings.esrganStrength()));
            BufferedImage upscaled = upscaler.upscale(image, settings.scale() > 2 ? 4 : 2, settings.esrganStrength());
            if (upscaled != null) {
                enlarged = upscaled;
            }
        }
        return PillowResampler.resize(enlarged, width, height, PillowResampler.Filter.LANCZOS);
    }

    /**
     * Embiggens an image.
     *
     * @param strength the img2img strength of each tile
     * @param seed     the first tile's seed
     * @throws CommandException as {@link #layout}
     * @throws CancellationException when asked to stop between tiles
     */
    public BufferedImage run(BufferedImage image, double strength, long seed, Enlarger upscaler,
                             TileRenderer renderer) {
        if (strength >= 0.5) {
            messages.accept("* WARNING: Embiggen may produce mirror motifs if the strength (-f) is too high"
                    + " (currently " + io.invoke4j.host.command.PythonFloat.format(strength)
                    + "). Try values between 0.35-0.45.");
        }
        int targetWidth = (int) Math.rint(image.getWidth() * settings.scale());
        int targetHeight = (int) Math.rint(image.getHeight() * settings.scale());
        Layout layout = layout(targetWidth, targetHeight);
        BufferedImage enlarged = enlarge(image, upscaler);
        int tiles = layout.columns() * layout.rows();
        Set<Integer> chosen = redo == null ? null : chosenTiles(tiles, layout);
        if (chosen == null) {
            messages.accept(">> Making " + tiles + " Embiggen tiles (" + layout.columns() + "x" + layout.rows()
                    + ")...");
        } else {
            messages.accept(">> Making " + chosen.size() + " Embiggen tiles...");
        }
        EmbiggenMasks masks = new EmbiggenMasks(tileWidth, tileHeight, layout.overlapX(), layout.overlapY());
        int[] canvas = new int[targetWidth * targetHeight]; // ARGB, transparent
        if (chosen != null) {
            // the redone tiles go over the enlarged image itself
            enlarged.getRGB(0, 0, targetWidth, targetHeight, canvas, 0, targetWidth);
        }
        long tileSeed = seed;
        int made = 0;
        for (int k = 0; k < tiles; k++) {
            // a tile not redone still takes its seed, so that each tile keeps the seed it had
            if (k != 0) {
                tileSeed = tileSeed < SEED_LIMIT ? tileSeed + 1 : 0;
            }
            if (chosen != null && !chosen.contains(k)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int row = k / layout.columns();
            int column = k % layout.columns();
            int left = column + 1 == layout.columns() ? targetWidth - tileWidth
                    : (int) Math.rint(column * (double) (tileWidth - layout.overlapX()));
            int top = row + 1 == layout.rows() ? targetHeight - tileHeight
                    : (int) Math.rint(row * (double) (tileHeight - layout.overlapY()));
            if (chosen == null) {
                messages.accept("Starting " + (k + 1) + " of " + tiles + " tiles");
            } else {
                messages.accept("Making tile #" + (k + 1) + " (" + ++made + " of " + chosen.size() + " requested)");
            }
            BufferedImage tile = renderer.render(enlarged.getSubimage(left, top, tileWidth, tileHeight), tileSeed);
            if (chosen == null) {
                composite(canvas, targetWidth, tile, alpha(row, column, layout, masks),
                        row == 0 && column == 0 ? 0 : left, row == 0 && column == 0 ? 0 : top);
            } else {
                composite(canvas, targetWidth, tile, masks.layer(redoLayer(k, layout, chosen)), left, top);
            }
        }
        BufferedImage out = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, targetWidth, targetHeight, canvas, 0, targetWidth);
        return out;
    }

    /** The 0-based tiles {@code --embiggen_tiles} names. */
    private Set<Integer> chosenTiles(int tiles, Layout layout) {
        for (int number : redo) {
            if (number < 1 || number > tiles) {
                throw new CommandException("--embiggen_tiles: there is no tile " + number + "; this embiggen makes "
                        + tiles + " tiles (" + layout.columns() + "x" + layout.rows() + "), numbered 1 to " + tiles
                        + " row by row");
            }
        }
        Set<Integer> chosen = new TreeSet<>();
        redo.forEach(number -> chosen.add(number - 1));
        return chosen;
    }

    /**
     * The {@code --embiggen_tiles} case of InvokeAI's {@code make_image}: by the tile's place (top row, bottom row,
     * between; first column, last column, between) and whether the tiles to its right ({@code tile + 1}, which for
     * a last column is the next row's first) and below are redone too.
     */
    static EmbiggenMasks.Redo redoLayer(int tile, Layout layout, Set<Integer> chosen) {
        int columns = layout.columns();
        int row = tile / columns;
        int column = tile % columns;
        boolean right = chosen.contains(tile + 1);
        boolean down = chosen.contains(tile + columns);
        boolean first = column == 0;
        boolean last = column == columns - 1;
        if (row == 0) {
            if (first) {
                return right ? (down ? EmbiggenMasks.Redo.OPAQUE : EmbiggenMasks.Redo.B)
                        : down ? EmbiggenMasks.Redo.R : EmbiggenMasks.Redo.RBC;
            }
            if (last) {
                return down ? EmbiggenMasks.Redo.L : EmbiggenMasks.Redo.LBC;
            }
            return right ? (down ? EmbiggenMasks.Redo.L : EmbiggenMasks.Redo.LBC)
                    : down ? EmbiggenMasks.Redo.LR : EmbiggenMasks.Redo.ABT;
        }
        if (row == layout.rows() - 1) {
            if (first) {
                return right ? EmbiggenMasks.Redo.TAC : EmbiggenMasks.Redo.RTC;
            }
            if (last) {
                return EmbiggenMasks.Redo.LTC;
            }
            return right ? EmbiggenMasks.Redo.LTAC : EmbiggenMasks.Redo.ABB;
        }
        if (first) {
            return right ? (down ? EmbiggenMasks.Redo.TAC : EmbiggenMasks.Redo.TB)
                    : down ? EmbiggenMasks.Redo.RTC : EmbiggenMasks.Redo.ABL;
        }
        if (last) {
            return down ? EmbiggenMasks.Redo.LTC : EmbiggenMasks.Redo.ABR;
        }
        return right ? (down ? EmbiggenMasks.Redo.LTAC : EmbiggenMasks.Redo.ABR)
                : down ? EmbiggenMasks.Redo.ABB : EmbiggenMasks.Redo.AA;
    }

    /** The normal tiling case of InvokeAI's {@code make_image}; {@code null} for the opaque first tile. */
    private static int[] alpha(int row, int column, Layout layout, EmbiggenMasks masks) {
        if (row == 0 && column == 0) {
            return null;
        }
        boolean lastColumn = column + 1 == layout.columns();
        if (row == 0) {
            return masks.left();
        }
        if (column == 0) {
            return lastColumn ? masks.top() : masks.topAsymmetric();
        }
        return lastColumn ? masks.leftTopCorner() : masks.leftTopAsymmetric();
    }

    /** PIL's {@code alpha_composite} of the tile (with {@code alpha}, or opaque) over the canvas at (left, top). */
    private static void composite(int[] canvas, int canvasWidth, BufferedImage tile, int[] alpha, int left, int top) {
        int width = tile.getWidth();
        int height = tile.getHeight();
        int[] rgb = tile.getRGB(0, 0, width, height, null, 0, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int srcA = alpha == null ? 255 : alpha[i];
                int c = (top + y) * canvasWidth + left + x;
                canvas[c] = over(rgb[i] & 0xffffff, srcA, canvas[c]);
            }
        }
    }

    /** libImaging's {@code ImagingAlphaComposite} for one pixel, 7 bits of precision. */
    static int over(int srcRgb, int srcA, int dst) {
        int dstA = dst >>> 24;
        long blend = (long) dstA * (255 - srcA);
        long outA255 = (long) srcA * 255 + blend;
        if (outA255 == 0) {
            return 0;
        }
        long coef1 = (long) srcA * 255 * 255 * (1 << 7) / outA255;
        long coef2 = 255L * (1 << 7) - coef1;
        int r = channel((srcRgb >> 16) & 0xff, (dst >> 16) & 0xff, coef1, coef2);
        int g = channel((srcRgb >> 8) & 0xff, (dst >> 8) & 0xff, coef1, coef2);
        int b = channel(srcRgb & 0xff, dst & 0xff, coef1, coef2);
        int a = (int) divideBy255(outA255 + 0x80);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private static int channel(int src, int dst, long coef1, long coef2) {
        long tmp = src * coef1 + dst * coef2;
        return (int) (divideBy255(tmp + (0x80L << 7)) >> 7);
    }

    private static long divideBy255(long a) {
        return ((a >> 8) + a) >> 8;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
