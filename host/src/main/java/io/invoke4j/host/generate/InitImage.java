package io.invoke4j.host.generate;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Latents;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The {@code -I} init image, and the inpainting mask, loaded as InvokeAI 2.0 loads them
 * ({@code Generate._make_images}): upright by its EXIF orientation, RGB, resized to the work size (multiples of
 * 64; {@link WorkSize}) with Pillow's LANCZOS filter.
 *
 * <p>Inpainting is on when {@code -M} is given (its alpha marks what to keep: 255 keeps, 0 repaints) or when the init
 * image itself has transparent pixels (then its own alpha is the mask). The mask goes through the same resize as
 * the image. {@code --invert_mask} (InvokeAI 2.1) inverts whichever of the two is the mask, before the resize, so
 * that the kept and the repainted areas swap everywhere the mask is used (the latent blend and the paste-back).
 *
 * <p>Reads what ImageIO reads: PNG, JPEG, GIF, BMP, TIFF (not WebP, nor CMYK JPEGs).
 */
public final class InitImage {
    /** Latent channels the mask is copied to. */
    private static final int LATENT_CHANNELS = 4;
    /** The VAE's downscale factor. */
    private static final int DOWNSCALE = 8;

    private final BufferedImage image;
    private final int[] maskAlpha;
    private final boolean largerThanDefaults;

    private InitImage(BufferedImage image, int[] maskAlpha, boolean largerThanDefaults) {
        this.image = image;
        this.maskAlpha = maskAlpha;
        this.largerThanDefaults = largerThanDefaults;
    }

    /**
     * How to size the image, and what to warn about.
     *
     * @param fit          {@code --fit}: fit into {@code width x height}; otherwise the image's own size is floored
     * @param width        {@code -W}, already a multiple of 64
     * @param height       {@code -H}, already a multiple of 64
     * @param modelWidth   the model's default width, for the size warnings
     * @param modelHeight  the model's default height
     * @param warnIfLarger whether to warn about an image larger in area than the model's default (InvokeAI warns
     *                     once per session)
     */
    public record Sizing(boolean fit, int width, int height, int modelWidth, int modelHeight, boolean warnIfLarger) {
    }

    /** The pixels of a file as read, upright: ARGB, and whether the file has an alpha channel at all. */
    private record Source(Path path, int width, int height, int[] argb, boolean hasAlpha) {
        int[] channel(int shift) {
            int[] plane = new int[argb.length];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (argb[i] >>> shift) & 0xff;
            }
            return plane;
        }

        boolean hasTransparency() {
            for (int p : argb) {
                if (p >>> 24 != 0xff) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every fully transparent pixel is black or white (vacuously true when there is none). */
        boolean looksErased() {
            for (int p : argb) {
                int rgb = p & 0xffffff;
                if (p >>> 24 == 0 && rgb != 0 && rgb != 0xffffff) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Loads the init image and, when given, the mask.
     *
     * @param imagePath {@code -I}
     * @param maskPath  {@code -M}, or {@code null}
     * @param invertMask {@code --invert_mask}: 0 keeps and 255 repaints instead
     * @param messages  InvokeAI's lines about the load, in its order
     * @throws CommandException (one line) when a file is missing or not an image, the mask's size differs from the
     *                          image's, the mask has no alpha channel, the work size would be under 64 pixels, or
     *                          {@code invertMask} is set and there is no mask
     */
    public static InitImage load(Path imagePath, Path maskPath, boolean invertMask, Sizing sizing,
                                 Consumer<String> messages) {
        // both files are read before anything is said, so that a bad -M fails the command cleanly
        Source source = read(imagePath);
        Source mask = maskPath == null ? null : read(maskPath);
        return of(source, mask, invertMask, sizing, messages);
    }

    /**
     * An init image made in memory, as InvokeAI's outpaint and outcrop hand their canvases to the generator: its
     * transparent pixels are repainted.
     *
     * @param image   the pixels, upright; alpha marks what to keep
     * @param shownAs the file named in the messages (the image it was made from)
     * @throws CommandException when the work size would be under 64 pixels
     */
    public static InitImage of(BufferedImage image, Path shownAs, Sizing sizing, Consumer<String> messages) {
        int w = image.getWidth();
        int h = image.getHeight();
        return of(new Source(shownAs, w, h, image.getRGB(0, 0, w, h, null, 0, w), image.getColorModel().hasAlpha()),
                null, false, sizing, messages);
    }

    private static InitImage of(Source source, Source mask, boolean invertMask, Sizing sizing,
                                Consumer<String> messages) {
        Path imagePath = source.path();
        Path maskPath = mask == null ? null : mask.path();
        if (mask != null && (mask.width() != source.width() || mask.height() != source.height())) {
            throw new CommandException(maskPath + ": the mask is " + mask.width() + "x" + mask.height()
                    + " but the init image is " + source.width() + "x" + source.height() + "; they must be the same size");
        }
        if (mask != null && !mask.hasAlpha()) {
            throw new CommandException(maskPath + ": the mask has no alpha channel (its transparent areas are what "
                    + "gets repainted)");
        }
        WorkSize size = sizing.fit()
                ? WorkSize.fit(source.width(), source.height(), sizing.width(), sizing.height())
                : WorkSize.squeeze(source.width(), source.height());
        if (!size.isUsable()) {
            throw new CommandException(imagePath + ": a " + source.width() + "x" + source.height()
                    + " image would be worked at " + size + "; it must come to at least 64x64");
        }
        if (invertMask && mask == null && !source.hasTransparency()) {
            throw new CommandException("--invert_mask: " + imagePath + " has no transparent areas and no -M mask"
                    + " was given, so there is no mask to invert");
        }

        messages.accept(loaded(source));
        if (source.width() < sizing.modelWidth() && source.height() < sizing.modelHeight()) {
            messages.accept(">> WARNING: img2img and inpainting may produce unexpected results with initial images "
                    + "smaller than " + sizing.modelWidth() + "x" + sizing.modelHeight() + " in both dimensions");
        }
        int[] maskAlpha = null;
        if (source.hasTransparency()) {
            if (mask == null) {
                messages.accept(">> Initial image has transparent areas. Will inpaint in these regions.");
                if (source.looksErased()) {
                    // Python's print(a, b, c): the continuation lines start with the separator's space
                    messages.accept(">> WARNING: Colors underneath the transparent region seem to have been erased.");
                    messages.accept(" >>          Inpainting will be suboptimal. Please preserve the colors when making");
                    messages.accept(" >>          a transparency mask, or provide mask explicitly using --init_mask (-M).");
                }
            }
            // InvokeAI builds this mask even when -M replaces it below (its fit messages show)
            maskAlpha = resized(source, maskPlane(source, invertMask), size, sizing, messages);
        }
        boolean larger = (long) source.width() * source.height() > (long) sizing.modelWidth() * sizing.modelHeight();
        if (larger && sizing.warnIfLarger()) {
            messages.accept(">> This input is larger than your defaults. If you run out of memory, please use a "
                    + "smaller image.");
        }
        int[] red = resized(source, source.channel(16), size, sizing, messages);
        // the other channels take the same resize; its messages are said once
        int[] green = resized(source, source.channel(8), size, sizing, null);
        int[] blue = resized(source, source.channel(0), size, sizing, null);
        if (mask != null) {
            messages.accept(loaded(mask));
            maskAlpha = resized(mask, maskPlane(mask, invertMask), size, sizing, messages);
        }
        return new InitImage(rgbImage(red, green, blue, size), maskAlpha, larger);
    }

    /** The alpha of a mask source, 255 = keep; with {@code --invert_mask}, 255 minus it (Pillow's {@code invert}). */
    private static int[] maskPlane(Source source, boolean invert) {
        int[] alpha = source.channel(24);
        if (invert) {
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = 255 - alpha[i];
            }
        }
        return alpha;
    }

    private static String loaded(Source source) {
        return ">> loaded input image of size " + source.width() + "x" + source.height() + " from " + source.path();
    }

    private static Source read(Path path) {
        if (!Files.exists(path)) {
            throw new CommandException(">> " + path + ": File not found");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw notAnImage(path);
            }
            boolean hasAlpha = image.getColorModel().hasAlpha();
            BufferedImage upright = ExifOrientation.apply(withPillowSamples(image), ExifOrientation.of(bytes));
            int w = upright.getWidth();
            int h = upright.getHeight();
            return new Source(path, w, h, upright.getRGB(0, 0, w, h, null, 0, w), hasAlpha);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CommandException c) {
                throw c;
            }
            throw notAnImage(path);
        }
    }

    private static CommandException notAnImage(Path path) {
        return new CommandException(path + ": not an image InvokeAI can read");
    }

    /**
     * Grey and 16-bit images as Pillow's {@code convert('RGB')} sees them: the grey value in each channel, the high
     * byte of 16-bit samples. Java's own conversion would treat grey as linear light (brightening it) and round
     * 16-bit samples instead.
     */
    private static BufferedImage withPillowSamples(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (!(model instanceof ComponentColorModel)) {
            return image;
        }
        int space = model.getColorSpace().getType();
        boolean grey = space == ColorSpace.TYPE_GRAY;
        if (!grey && !(space == ColorSpace.TYPE_RGB && model.getComponentSize(0) > 8)) {
            return image;
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int colors = model.getNumColorComponents();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = to8Bits(raster.getSample(x, y, 0), model.getComponentSize(0));
                int g = grey ? r : to8Bits(raster.getSample(x, y, 1), model.getComponentSize(1));
                int b = grey ? r : to8Bits(raster.getSample(x, y, 2), model.getComponentSize(2));
                int alpha = model.hasAlpha() ? to8Bits(raster.getSample(x, y, colors), model.getComponentSize(colors)) : 0xff;
                argb[y * w + x] = alpha << 24 | r << 16 | g << 8 | b;
            }
        }
        BufferedImage plain = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        plain.setRGB(0, 0, w, h, argb, 0, w);
        return plain;
    }

    /** Pillow keeps the high byte of 16-bit samples and stretches 1, 2 and 4-bit ones to 0-255. */
    private static int to8Bits(int sample, int bits) {
        if (bits >= 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }

    /** One channel through InvokeAI's fit or squeeze; {@code messages} null to stay quiet. */
    private static int[] resized(Source source, int[] plane, WorkSize size, Sizing sizing, Consumer<String> messages) {
        if (sizing.fit() && messages != null) {
            messages.accept(">> image will be resized to fit inside a box " + sizing.width() + "x" + sizing.height()
                    + " in size.");
            messages.accept(">> after adjusting image dimensions to be multiples of 64, init image is " + size);
        }
        return PillowResize.lanczos(plane, source.width(), source.height(), size.width(), size.height());
    }

    private static BufferedImage rgbImage(int[] red, int[] green, int[] blue, WorkSize size) {
        int[] rgb = new int[red.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = red[i] << 16 | green[i] << 8 | blue[i];
        }
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, size.width(), size.height(), rgb, 0, size.width());
        return image;
    }

    /** The image at its work size, RGB; encode it with {@link LatentEncoder}. */
    public BufferedImage image() {
        return image;
    }

    /** The work width, a multiple of 64. */
    public int width() {
        return image.getWidth();
    }

    /** The work height, a multiple of 64. */
    public int height() {
        return image.getHeight();
    }

    /** Whether this is inpainting: a mask was given, or the init image has transparent pixels. */
    public boolean isInpainting() {
        return maskAlpha != null;
    }

    /**
     * Whether the image as loaded is larger in area than the model's default size (the host clears its
     * once-a-session {@link Sizing#warnIfLarger} after one).
     */
    public boolean largerThanDefaults() {
        return largerThanDefaults;
    }

    /**
     * The mask at latent size, for {@link Img2ImgPipeline.Img2ImgParams#mask()}: the work-size alpha resized to
     * {@code (w / 8, h / 8)} with Pillow's NEAREST filter (pixel {@code 8x + 4} of each 8x8 block), divided by 255,
     * copied to the 4 latent channels; {@code [1, 4, h / 8, w / 8]}, 1 = keep, 0 = repaint. Empty when not
     * inpainting.
     */
    public Optional<Latents> latentMask() {
        if (maskAlpha == null) {
            return Optional.empty();
        }
        int w = width() / DOWNSCALE;
        int h = height() / DOWNSCALE;
        int[] small = PillowResize.nearest(maskAlpha, width(), height(), w, h);
        int plane = w * h;
        float[] mask = new float[LATENT_CHANNELS * plane];
        for (int i = 0; i < plane; i++) {
            // numpy: astype(float32) / 255.0, a float32 division
            float keep = small[i] / 255f;
            for (int c = 0; c < LATENT_CHANNELS; c++) {
                mask[c * plane + i] = keep;
            }
        }
        return Optional.of(new Latents(mask, 1, LATENT_CHANNELS, h, w));
    }

    /** The mask's alpha at the work size, 0-255 row by row (a copy); empty when not inpainting. */
    public Optional<int[]> maskAlpha() {
        return Optional.ofNullable(maskAlpha).map(int[]::clone);
    }
}
