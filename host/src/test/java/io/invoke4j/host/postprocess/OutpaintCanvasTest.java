package io.invoke4j.host.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canvas of {@code !fix -D}: generation-semantics.md §10.2, outpaint. */
class OutpaintCanvasTest {
    private final BufferedImage source = PillowReferenceTest.pattern(40, 60, 0);

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    @Test
    void topShiftsThePictureDownUnderATransparentMirrorAndDithersTheSeam() {
        BufferedImage canvas = OutpaintCanvas.of(source, List.of("top", "20"));
        assertEquals(40, canvas.getWidth());
        assertEquals(60, canvas.getHeight());
        int dither = Math.min(60 / 10, 20);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 40; x++) {
                boolean dithered = x % 2 == 0 && y >= 20 - dither && y < 20 + dither;
                if (y < 20) {
                    // the mirror: row y shows the source's row 19 - y
                    assertEquals(rgb(source, x, 19 - y), rgb(canvas, x, y), "band " + x + "," + y);
                    assertEquals(0, alpha(canvas, x, y));
                } else {
                    assertEquals(rgb(source, x, y - 20), rgb(canvas, x, y), "picture " + x + "," + y);
                    assertEquals(dithered ? 0 : 255, alpha(canvas, x, y), "alpha " + x + "," + y);
                }
            }
        }
    }

    @Test
    void pixelsDefaultToHalfTheSideTurnedUp() {
        // left: the image is turned so that its 40 pixel width is the height, so 20 columns
        BufferedImage canvas = OutpaintCanvas.of(source, List.of("left"));
        assertEquals(40, canvas.getWidth());
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(0, alpha(canvas, x, y));
                assertEquals(rgb(source, 19 - x, y), rgb(canvas, x, y));
            }
            for (int x = 24; x < 40; x++) {
                assertEquals(255, alpha(canvas, x, y));
                assertEquals(rgb(source, x - 20, y), rgb(canvas, x, y));
            }
        }
    }

    @Test
    void bottomAndRightGrowTheirOwnSide() {
        BufferedImage bottom = OutpaintCanvas.of(source, List.of("bottom", "10"));
        assertEquals(0, alpha(bottom, 5, 59));
        assertEquals(rgb(source, 5, 50), rgb(bottom, 5, 59));
        assertEquals(rgb(source, 5, 10), rgb(bottom, 5, 0));
        assertEquals(255, alpha(bottom, 5, 0));
        BufferedImage right = OutpaintCanvas.of(source, List.of("right", "10"));
        assertEquals(0, alpha(right, 39, 7));
        assertEquals(rgb(source, 30, 7), rgb(right, 39, 7));
        assertEquals(rgb(source, 10, 7), rgb(right, 0, 7));
    }

    @Test
    void pixelsMustFitInsideTheImageThatWay() {
        assertEquals("-D/--out_direction top 60: the image is 60 pixels high, so the pixels must be from 1 to 59",
                assertThrows(CommandException.class, () -> OutpaintCanvas.of(source, List.of("top", "60")))
                        .getMessage());
        assertEquals("-D/--out_direction right 40: the image is 40 pixels wide, so the pixels must be from 1 to 39",
                assertThrows(CommandException.class, () -> OutpaintCanvas.of(source, List.of("right", "40")))
                        .getMessage());
    }
}
