package io.invoke4j.host.generate;

import static io.invoke4j.host.testing.ReferenceJson.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link PillowResize} against Pillow's own {@code Image.resize} ({@code refs/pillow_resize.json}, made by
 * {@code refs/pillow_resize.py}), byte for byte.
 */
class PillowResizeTest {

    private static final JsonNode REFS = ReferenceJson.load("pillow_resize.json");

    /** The generator's test pattern, one channel. */
    static int[] pattern(int width, int height, int channel) {
        int[] plane = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane[y * width + x] = (x * 37 + y * 91 + channel * 53 + ((x * y) % 17) * 13) % 256;
            }
        }
        return plane;
    }

    @Test
    void everyCaseIsPillowsBytes() {
        for (JsonNode c : REFS.get("cases")) {
            int[] in = ints(c.get("in"));
            int[] out = ints(c.get("out"));
            int[] plane = pattern(in[0], in[1], 0);
            int[] resized = "lanczos".equals(c.get("filter").asText())
                    ? PillowResize.lanczos(plane, in[0], in[1], out[0], out[1])
                    : PillowResize.nearest(plane, in[0], in[1], out[0], out[1]);
            String name = c.get("filter").asText() + " " + in[0] + "x" + in[1] + " -> " + out[0] + "x" + out[1];
            assertArrayEquals(ints(c.get("first64")), Arrays.copyOf(resized, Math.min(64, resized.length)), name);
            if (c.has("values")) {
                assertArrayEquals(ints(c.get("values")), resized, name);
            }
            assertEquals(c.get("sha256").asText(), sha256(resized), name);
        }
    }

    @Test
    void rgbIsResizedChannelByChannel() {
        int[][] channels = new int[3][];
        for (int c = 0; c < 3; c++) {
            channels[c] = PillowResize.lanczos(pattern(100, 70, c), 100, 70, 64, 64);
        }
        int[] interleaved = new int[3 * 64 * 64];
        for (int i = 0; i < 64 * 64; i++) {
            for (int c = 0; c < 3; c++) {
                interleaved[3 * i + c] = channels[c][i];
            }
        }
        assertEquals(REFS.get("rgb_100x70_to_64x64_sha256_interleaved").asText(), sha256(interleaved));
    }

    @Test
    void theSameSizeIsACopy() {
        int[] plane = pattern(64, 64, 1);
        assertArrayEquals(plane, PillowResize.lanczos(plane, 64, 64, 64, 64));
        assertArrayEquals(plane, PillowResize.nearest(plane, 64, 64, 64, 64));
    }

    @Test
    void nearestByEightTakesTheMiddleOfEachBlock() {
        int[] plane = pattern(64, 64, 2);
        int[] small = PillowResize.nearest(plane, 64, 64, 8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(plane[(8 * y + 4) * 64 + 8 * x + 4], small[y * 8 + x]);
            }
        }
    }

    static String sha256(int[] bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
