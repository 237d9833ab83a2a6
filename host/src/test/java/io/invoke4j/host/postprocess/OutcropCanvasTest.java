package io.invoke4j.host.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canvas of {@code !fix -c}: generation-semantics.md §10.2, outcrop. */
class OutcropCanvasTest {
    private final BufferedImage source = PillowReferenceTest.pattern(40, 150, 0);
    private final List<String> messages = new ArrayList<>();

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    @Test
    void growsTheSideByPixelsRoundedUpTo64AndClearsTwiceThatFromTheEdge() {
        BufferedImage canvas = OutcropCanvas.of(source, List.of("top", "10"), messages::add);
        assertEquals(List.of(">> extending image topward by 64 pixels"), messages);
        assertEquals(40, canvas.getWidth());
        assertEquals(150 + 64, canvas.getHeight());
        for (int y = 0; y < canvas.getHeight(); y++) {
            for (int x = 0; x < 40; x++) {
                // the new band and as many rows of the picture are repainted; the rest is the picture, sharp
                assertEquals(y < 128 ? 0 : 255, alpha(canvas, x, y), x + "," + y);
                if (y >= 64) {
                    assertEquals(source.getRGB(x, y - 64) & 0xffffff, canvas.getRGB(x, y) & 0xffffff, x + "," + y);
                }
            }
        }
        // the band is the picture's top rows stretched and blurred, not black
        assertNotEquals(0, canvas.getRGB(20, 10) & 0xffffff);
    }

    @Test
    void eachPairExtendsItsSideInTurn() {
        BufferedImage wide = PillowReferenceTest.pattern(200, 150, 0);
        BufferedImage canvas = OutcropCanvas.of(wide, List.of("right", "65", "bottom", "64"), messages::add);
        assertEquals(List.of(">> extending image rightward by 128 pixels", ">> extending image bottomward by 64 pixels"),
                messages);
        assertEquals(200 + 128, canvas.getWidth());
        assertEquals(150 + 64, canvas.getHeight());
        // kept: the picture away from both new edges, exactly
        for (int y = 0; y < 214 - 128; y++) {
            for (int x = 0; x < 328 - 256; x++) {
                assertEquals(wide.getRGB(x, y), canvas.getRGB(x, y), x + "," + y);
            }
        }
        // cleared: 2 x 128 columns from the right edge and 2 x 64 rows from the bottom one
        assertEquals(0, alpha(canvas, 328 - 256, 0));
        assertEquals(0, alpha(canvas, 0, 214 - 128));
        assertEquals(0, alpha(canvas, 327, 213));
    }

    @Test
    void aSideGivenTwiceKeepsItsPlaceAndTakesItsLastPixelsAsAPythonDict() {
        BufferedImage canvas = OutcropCanvas.of(source, List.of("top", "64", "left", "64", "top", "128"),
                messages::add);
        assertEquals(List.of(">> extending image topward by 128 pixels", ">> extending image leftward by 64 pixels"),
                messages);
        assertEquals(150 + 128, canvas.getHeight());
        assertEquals(40 + 64, canvas.getWidth());
    }
}
