package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Latents;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitImageTest {

    private static final InitImage.Sizing NO_FIT = new InitImage.Sizing(false, 512, 512, 512, 512, true);

    @TempDir
    Path temp;

    private final List<String> messages = new ArrayList<>();

    /** An ARGB image of the resize test pattern (channels 0, 1, 2 as R, G, B), alpha from {@code alpha}. */
    private static BufferedImage pattern(int width, int height, int type, AlphaAt alpha) {
        int[] r = PillowResizeTest.pattern(width, height, 0);
        int[] g = PillowResizeTest.pattern(width, height, 1);
        int[] b = PillowResizeTest.pattern(width, height, 2);
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                image.setRGB(x, y, alpha.at(x, y) << 24 | r[i] << 16 | g[i] << 8 | b[i]);
            }
        }
        return image;
    }

    private interface AlphaAt {
        int at(int x, int y);
    }

    private Path png(String name, BufferedImage image) throws IOException {
        Path path = temp.resolve(name);
        ImageIO.write(image, "png", path.toFile());
        return path;
    }

    private static int[] channel(BufferedImage image, int shift) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] plane = new int[argb.length];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (argb[i] >>> shift) & 0xff;
        }
        return plane;
    }

    @Test
    void anImageOfMultiplesOf64IsUsedAsItIs() throws IOException {
        BufferedImage source = pattern(128, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255);
        Path path = png("a.png", source);

        InitImage image = InitImage.load(path, null, false, NO_FIT, messages::add);

        assertEquals(128, image.width());
        assertEquals(64, image.height());
        assertArrayEquals(channel(source, 16), channel(image.image(), 16));
        assertFalse(image.isInpainting());
        assertTrue(image.latentMask().isEmpty());
        assertEquals(List.of(">> loaded input image of size 128x64 from " + path,
                ">> WARNING: img2img and inpainting may produce unexpected results with initial images smaller than "
                        + "512x512 in both dimensions"), messages);
    }

    @Test
    void otherSizesAreFlooredAndResizedWithPillowsLanczos() throws IOException {
        BufferedImage source = pattern(150, 100, BufferedImage.TYPE_INT_RGB, (x, y) -> 255);

        InitImage image = InitImage.load(png("b.png", source), null, false, NO_FIT, messages::add);

        // 150 floors to 128, and the height follows the aspect: int(128 / 1.5) = 85 floors to 64
        assertEquals(128, image.width());
        assertEquals(64, image.height());
        for (int shift : new int[] {16, 8, 0}) {
            assertArrayEquals(PillowResize.lanczos(channel(source, shift), 150, 100, 128, 64),
                    channel(image.image(), shift));
        }
    }

    @Test
    void fitResizesIntoTheBoxAndSaysSo() throws IOException {
        BufferedImage source = pattern(200, 100, BufferedImage.TYPE_INT_RGB, (x, y) -> 255);
        Path path = png("c.png", source);

        InitImage image = InitImage.load(path, null, false, new InitImage.Sizing(true, 256, 192, 512, 512, true),
                messages::add);

        assertEquals(256, image.width());
        assertEquals(128, image.height());
        assertEquals(List.of(">> loaded input image of size 200x100 from " + path,
                ">> WARNING: img2img and inpainting may produce unexpected results with initial images smaller than "
                        + "512x512 in both dimensions",
                ">> image will be resized to fit inside a box 256x192 in size.",
                ">> after adjusting image dimensions to be multiples of 64, init image is 256x128"), messages);
    }

    @Test
    void aLargeImageIsWarnedAboutWhenAsked() throws IOException {
        Path path = png("d.png", pattern(640, 576, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));

        InitImage warned = InitImage.load(path, null, false, NO_FIT, messages::add);
        assertTrue(warned.largerThanDefaults());
        assertTrue(messages.contains(
                ">> This input is larger than your defaults. If you run out of memory, please use a smaller image."));

        messages.clear();
        InitImage.load(path, null, false, new InitImage.Sizing(false, 512, 512, 512, 512, false), messages::add);
        assertEquals(List.of(">> loaded input image of size 640x576 from " + path), messages);
    }

    @Test
    void transparentPixelsMakeItInpaintingWithTheImagesOwnAlpha() throws IOException {
        // the left half is transparent (repaint), its colours kept
        BufferedImage source = pattern(128, 64, BufferedImage.TYPE_INT_ARGB, (x, y) -> x < 64 ? 0 : 255);

        InitImage image = InitImage.load(png("e.png", source), null, false, NO_FIT, messages::add);

        assertTrue(image.isInpainting());
        assertTrue(messages.contains(">> Initial image has transparent areas. Will inpaint in these regions."));
        assertFalse(messages.stream().anyMatch(m -> m.contains("erased")));
        Latents mask = image.latentMask().orElseThrow();
        assertArrayEquals(new int[] {1, 4, 8, 16}, mask.shape());
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 16; x++) {
                    assertEquals(x < 8 ? 0f : 1f, mask.data()[(c * 8 + y) * 16 + x], "channel " + c + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void erasedColoursUnderTheTransparencyAreWarnedAbout() throws IOException {
        BufferedImage source = pattern(64, 64, BufferedImage.TYPE_INT_ARGB, (x, y) -> 255);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 32; x++) {
                source.setRGB(x, y, 0x00000000);
            }
        }
        source.setRGB(40, 0, 0x00ffffff);

        InitImage.load(png("f.png", source), null, false, NO_FIT, messages::add);

        int at = messages.indexOf(">> WARNING: Colors underneath the transparent region seem to have been erased.");
        assertTrue(at > 0, messages.toString());
        assertEquals(" >>          Inpainting will be suboptimal. Please preserve the colors when making",
                messages.get(at + 1));
        assertEquals(" >>          a transparency mask, or provide mask explicitly using --init_mask (-M).",
                messages.get(at + 2));
    }

    @Test
    void anOpaqueAlphaChannelIsNotInpainting() throws IOException {
        InitImage image = InitImage.load(png("g.png", pattern(64, 64, BufferedImage.TYPE_INT_ARGB, (x, y) -> 255)),
                null, false, NO_FIT, messages::add);
        assertFalse(image.isInpainting());
    }

    @Test
    void theMaskFilesAlphaIsResizedLikeTheImageAndSampledAtEachBlocksMiddle() throws IOException {
        Path init = png("h.png", pattern(150, 100, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));
        // alpha varies everywhere, so the resize and the 8x+4 sampling both show
        Path mask = png("h-mask.png", pattern(150, 100, BufferedImage.TYPE_INT_ARGB, (x, y) -> (x * 3 + y * 5) % 256));

        InitImage image = InitImage.load(init, mask, false, NO_FIT, messages::add);

        assertTrue(image.isInpainting());
        int[] alpha = new int[150 * 100];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = ((i % 150) * 3 + (i / 150) * 5) % 256;
        }
        int[] resized = PillowResize.lanczos(alpha, 150, 100, 128, 64);
        assertArrayEquals(resized, image.maskAlpha().orElseThrow());
        Latents latentMask = image.latentMask().orElseThrow();
        assertArrayEquals(new int[] {1, 4, 8, 16}, latentMask.shape());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                float expected = resized[(8 * y + 4) * 128 + 8 * x + 4] / 255f;
                for (int c = 0; c < 4; c++) {
                    assertEquals(expected, latentMask.data()[(c * 8 + y) * 16 + x]);
                }
            }
        }
        assertEquals(">> loaded input image of size 150x100 from " + mask, messages.get(messages.size() - 1));
        assertFalse(messages.stream().anyMatch(m -> m.startsWith(">> Initial image has transparent")));
    }

    @Test
    void invertMaskSwapsTheKeptAndTheRepaintedAreasOfTheMaskFile() throws IOException {
        Path init = png("inv.png", pattern(64, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));
        // transparent (repaint) on the left, opaque (keep) on the right, a ramp in the middle
        Path mask = png("inv-mask.png", pattern(64, 64, BufferedImage.TYPE_INT_ARGB,
                (x, y) -> Math.min(255, Math.max(0, (x - 24) * 16))));

        int[] plain = InitImage.load(init, mask, false, NO_FIT, messages::add).maskAlpha().orElseThrow();
        InitImage inverted = InitImage.load(init, mask, true, NO_FIT, messages::add);

        int[] swapped = inverted.maskAlpha().orElseThrow();
        for (int i = 0; i < plain.length; i++) {
            assertEquals(255 - plain[i], swapped[i], "pixel " + i);
        }
        assertEquals(255, swapped[0], "the transparent left is kept");
        assertEquals(0, swapped[63], "the opaque right is repainted");
        float[] latent = inverted.latentMask().orElseThrow().data();
        assertEquals(1f, latent[0]);
        assertEquals(0f, latent[7]);
    }

    @Test
    void invertMaskInvertsTheInitImagesOwnTransparency() throws IOException {
        Path init = png("inv-own.png", pattern(64, 64, BufferedImage.TYPE_INT_ARGB, (x, y) -> x < 32 ? 0 : 255));

        InitImage inverted = InitImage.load(init, null, true, NO_FIT, messages::add);

        assertTrue(inverted.isInpainting());
        int[] alpha = inverted.maskAlpha().orElseThrow();
        assertEquals(255, alpha[0]);
        assertEquals(0, alpha[63]);
    }

    @Test
    void invertMaskWithoutAMaskIsOneLine() throws IOException {
        Path init = png("inv-none.png", pattern(64, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));

        CommandException e = assertThrows(CommandException.class,
                () -> InitImage.load(init, null, true, NO_FIT, messages::add));

        assertEquals("--invert_mask: " + init + " has no transparent areas and no -M mask was given, so there is no"
                + " mask to invert", e.getMessage());
    }

    @Test
    void aMaskOfAnotherSizeIsOneLine() throws IOException {
        Path init = png("i.png", pattern(128, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));
        Path mask = png("i-mask.png", pattern(64, 64, BufferedImage.TYPE_INT_ARGB, (x, y) -> 0));

        CommandException e = assertThrows(CommandException.class, () -> InitImage.load(init, mask, false, NO_FIT, messages::add));

        assertEquals(mask + ": the mask is 64x64 but the init image is 128x64; they must be the same size", e.getMessage());
        assertTrue(messages.isEmpty());
    }

    @Test
    void aMaskWithoutAlphaIsOneLine() throws IOException {
        Path init = png("j.png", pattern(64, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));
        Path mask = png("j-mask.png", pattern(64, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));

        CommandException e = assertThrows(CommandException.class, () -> InitImage.load(init, mask, false, NO_FIT, messages::add));

        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().startsWith(mask + ": "), e.getMessage());
    }

    @Test
    void aMissingFileIsInvokeAisOneLine() {
        Path missing = temp.resolve("nope.png");
        CommandException e = assertThrows(CommandException.class, () -> InitImage.load(missing, null, false, NO_FIT, messages::add));
        assertEquals(">> " + missing + ": File not found", e.getMessage());

        CommandException maskMissing = assertThrows(CommandException.class,
                () -> InitImage.load(png("k.png", pattern(64, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255)),
                        missing, false, NO_FIT, messages::add));
        assertEquals(">> " + missing + ": File not found", maskMissing.getMessage());
    }

    @Test
    void aFileThatIsNoImageIsOneLine() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.png"), "not a picture");
        CommandException e = assertThrows(CommandException.class, () -> InitImage.load(text, null, false, NO_FIT, messages::add));
        assertEquals(text + ": not an image InvokeAI can read", e.getMessage());

        CommandException directory = assertThrows(CommandException.class,
                () -> InitImage.load(temp, null, false, NO_FIT, messages::add));
        assertEquals(temp + ": not an image InvokeAI can read", directory.getMessage());
    }

    @Test
    void anImageTooSmallToWorkOnIsOneLine() throws IOException {
        Path tiny = png("l.png", pattern(50, 80, BufferedImage.TYPE_INT_RGB, (x, y) -> 255));
        CommandException e = assertThrows(CommandException.class, () -> InitImage.load(tiny, null, false, NO_FIT, messages::add));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().startsWith(tiny + ": "));
    }

    @Test
    void jpegsAreReadAndTurnedUprightByTheirExifOrientation() throws IOException {
        BufferedImage source = pattern(128, 64, BufferedImage.TYPE_INT_RGB, (x, y) -> 255);
        Path jpeg = Files.write(temp.resolve("m.jpg"), ExifOrientationTest.jpegWithOrientation(source, 6));

        InitImage image = InitImage.load(jpeg, null, false, NO_FIT, messages::add);

        // rotated 90 degrees clockwise: 64 wide, 128 high
        assertEquals(64, image.width());
        assertEquals(128, image.height());
        assertEquals(">> loaded input image of size 64x128 from " + jpeg, messages.get(0));
    }

    @Test
    void greyImagesKeepTheirGreyValues() throws IOException {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 5, 0, 128);
        grey.getRaster().setSample(4, 5, 0, 37);

        InitImage image = InitImage.load(png("n.png", grey), null, false, NO_FIT, messages::add);

        assertEquals(0x808080, image.image().getRGB(3, 5) & 0xffffff);
        assertEquals(0x252525, image.image().getRGB(4, 5) & 0xffffff);
    }

    @Test
    void sixteenBitImagesKeepTheHighByte() throws IOException {
        BufferedImage wide = new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY);
        wide.getRaster().setSample(0, 0, 0, 0x80ff);
        InitImage image = InitImage.load(png("o.png", wide), null, false, NO_FIT, messages::add);
        assertEquals(0x808080, image.image().getRGB(0, 0) & 0xffffff);
    }
}
