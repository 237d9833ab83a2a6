package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The Pillow operations post-processing reproduces, against Pillow itself ({@code refs/pillow_postprocess.json},
 * made by {@code refs/pillow_postprocess.py}): RGB resizes with BICUBIC and LANCZOS, {@code Image.blend},
 * {@code alpha_composite}, and InvokeAI's embiggen alpha layers, byte for byte.
 */
class PillowReferenceTest {
    private static final JsonNode REFS = ReferenceJson.load("pillow_postprocess.json");

    /** The reference script's pattern. */
    static BufferedImage pattern(int width, int height, int k) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    int v = Math.floorMod(x * 37 + y * 91 + c * 53 + ((x * y) % 17) * 13 + k * 29, 256);
                    rgb |= v << (16 - 8 * c);
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rgbBytes(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] bytes = new byte[pixels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            bytes[3 * i] = (byte) (pixels[i] >> 16);
            bytes[3 * i + 1] = (byte) (pixels[i] >> 8);
            bytes[3 * i + 2] = (byte) pixels[i];
        }
        return bytes;
    }

    @Test
    void resizesRgbAsPillowDoes() {
        for (JsonNode c : REFS.get("resizes")) {
            BufferedImage in = pattern(c.get("in").get(0).asInt(), c.get("in").get(1).asInt(), 0);
            PillowResampler.Filter filter = c.get("filter").asText().equals("bicubic")
                    ? PillowResampler.Filter.BICUBIC : PillowResampler.Filter.LANCZOS;
            BufferedImage out = PillowResampler.resize(in, c.get("size").get(0).asInt(), c.get("size").get(1).asInt(),
                    filter);
            byte[] bytes = rgbBytes(out);
            for (int i = 0; i < 48; i++) {
                assertEquals(c.get("first48").get(i).asInt(), bytes[i] & 0xff, c + " byte " + i);
            }
            assertEquals(c.get("sha256").asText(), sha256(bytes), c.toString());
        }
    }

    @Test
    void blendsAsImageBlend() {
        for (JsonNode c : REFS.get("blends")) {
            BufferedImage original = pattern(50, 40, 0);
            BufferedImage result = pattern(50, 40, 3);
            BufferedImage out = StrengthBlend.apply(original, result, c.get("alpha").asDouble());
            assertEquals(c.get("sha256").asText(), sha256(rgbBytes(out)), "alpha " + c.get("alpha"));
        }
    }

    @Test
    void compositesAsAlphaComposite() {
        JsonNode c = REFS.get("composite");
        int[] background = argb(pattern(64, 48, 1), 64, 48, (x, y) -> (x * 7 + y * 3) % 256);
        int[] overlay = argb(pattern(32, 24, 2), 32, 24, (x, y) -> (x * 11 + y * 5) % 256);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                int i = (7 + y) * 64 + 10 + x;
                int o = overlay[y * 32 + x];
                background[i] = Embiggen.over(o & 0xffffff, o >>> 24, background[i]);
            }
        }
        byte[] rgba = new byte[background.length * 4];
        for (int i = 0; i < background.length; i++) {
            rgba[4 * i] = (byte) (background[i] >> 16);
            rgba[4 * i + 1] = (byte) (background[i] >> 8);
            rgba[4 * i + 2] = (byte) background[i];
            rgba[4 * i + 3] = (byte) (background[i] >>> 24);
        }
        assertEquals(c.get("sha256").asText(), sha256(rgba));
    }

    private interface Alpha {
        int at(int x, int y);
    }

    private static int[] argb(BufferedImage image, int width, int height, Alpha alpha) {
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (alpha.at(x, y) << 24) | (pixels[y * width + x] & 0xffffff);
            }
        }
        return pixels;
    }

    @Test
    void embiggenLayersAreInvokeAis() {
        for (JsonNode c : REFS.get("embiggen_layers")) {
            int width = c.get("width").asInt();
            int height = c.get("height").asInt();
            EmbiggenMasks masks = new EmbiggenMasks(width, height, c.get("overlap").get(0).asInt(),
                    c.get("overlap").get(1).asInt());
            assertLayer(c.get("L"), masks.left(), width, "L");
            assertLayer(c.get("T"), masks.top(), width, "T");
            assertLayer(c.get("LTC"), masks.leftTopCorner(), width, "LTC");
            assertLayer(c.get("TaC"), masks.topAsymmetric(), width, "TaC");
            assertLayer(c.get("LTaC"), masks.leftTopAsymmetric(), width, "LTaC");
        }
    }

    private static void assertLayer(JsonNode expected, int[] actual, int width, String name) {
        assertEquals(expected.size(), actual.length, name);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).asInt(), actual[i], name + " at " + (i % width) + "," + (i / width));
        }
    }
}
