package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Tensor;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LatentDecoderTest {

    @Test
    void valuesAreClampedScaledAndTruncatedLikeNumpy() {
        // one pixel row of 4, channel-first: R, G, B planes
        float[] planes = {
            -1f, 1f, 2f, 0f,                 // R: 0, 255, clamped 255, 127.5 -> 127 (truncated, not rounded)
            -3f, 0.999f, -0.999f, 0.5f,      // G: clamped 0, 254.87 -> 254, 0.1275 -> 0, 191.25 -> 191
            0.0039216f, -0.0039f, 0.3f, 0.7f // B: 128.0000..., 127.00..., 165.75, 216.75
        };
        BufferedImage image = LatentDecoder.toImage(Tensor.ofFloats(planes, 1, 3, 1, 4));
        int[][] expected = {{0, 0, 128}, {255, 254, 127}, {255, 0, 165}, {127, 191, 216}};
        for (int x = 0; x < 4; x++) {
            int rgb = image.getRGB(x, 0);
            assertEquals(expected[x][0], (rgb >> 16) & 0xff, "R of pixel " + x);
            assertEquals(expected[x][1], (rgb >> 8) & 0xff, "G of pixel " + x);
            assertEquals(expected[x][2], rgb & 0xff, "B of pixel " + x);
        }
    }
}
