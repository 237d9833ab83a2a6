package io.invoke4j.host.generate;

import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * {@code --init_color FILE} (InvokeAI's {@code Generate.correct_colors}): each generated image, before any
 * post-processing, gets the colours of FILE: converted to CIELAB, each of L, a and b is histogram-matched to
 * FILE's ({@link HistogramMatching}), and converted back.
 *
 * <p>InvokeAI converts with OpenCV's 8-bit CIELAB; the conversion here is scikit-image's, in floating point
 * ({@link Cielab}), so colours can differ from InvokeAI's by a level or two. InvokeAI also wrote and logged the
 * corrected image a second time under the same name; here it is written once.
 */
public final class ColorCorrection {
    private final double[][] reference;

    private ColorCorrection(double[][] reference) {
        this.reference = reference;
    }

    /**
     * Reads the reference image (its colours; an alpha channel is ignored).
     *
     * @throws CommandException (one line) when the file is missing or is not an image ImageIO reads
     */
    public static ColorCorrection load(Path file) {
        if (!Files.exists(file)) {
            throw new CommandException(">> " + file + ": File not found");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
            throw new CommandException(file + ": not an image InvokeAI can read");
        }
        return of(image);
    }

    /** A correction toward the colours of {@code image}. */
    public static ColorCorrection of(BufferedImage image) {
        return new ColorCorrection(Cielab.fromRgb(pixels(image)));
    }

    /** A new RGB image: {@code image} with the reference's CIELAB histograms. */
    public BufferedImage apply(BufferedImage image) {
        double[][] lab = Cielab.fromRgb(pixels(image));
        for (int channel = 0; channel < 3; channel++) {
            lab[channel] = HistogramMatching.match(lab[channel], reference[channel]);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, Cielab.toRgb(lab), 0, w);
        return out;
    }

    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
