package io.invoke4j.host.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canvases of outpaint and outcrop against InvokeAI's Pillow steps ({@code refs/pillow_canvas.json}, made by
 * {@code refs/pillow_canvas.py}), byte for byte, RGBA.
 */
class CanvasReferenceTest {
    private static final JsonNode REFS = ReferenceJson.load("pillow_canvas.json");

    private static String rgbaSha256(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] bytes = new byte[pixels.length * 4];
        for (int i = 0; i < pixels.length; i++) {
            bytes[4 * i] = (byte) (pixels[i] >> 16);
            bytes[4 * i + 1] = (byte) (pixels[i] >> 8);
            bytes[4 * i + 2] = (byte) pixels[i];
            bytes[4 * i + 3] = (byte) (pixels[i] >>> 24);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> words(JsonNode c) {
        List<String> words = new ArrayList<>();
        c.get("words").forEach(w -> words.add(w.asText()));
        return words;
    }

    private static BufferedImage source(JsonNode c) {
        return PillowReferenceTest.pattern(c.get("in").get(0).asInt(), c.get("in").get(1).asInt(), 0);
    }

    @Test
    void outpaintCanvasesAreInvokeAis() {
        for (JsonNode c : REFS.get("outpaint")) {
            BufferedImage canvas = OutpaintCanvas.of(source(c), words(c));
            assertEquals(c.get("size").get(0).asInt(), canvas.getWidth(), c.toString());
            assertEquals(c.get("size").get(1).asInt(), canvas.getHeight(), c.toString());
            assertEquals(c.get("sha256").asText(), rgbaSha256(canvas), c.get("words").toString());
        }
    }

    @Test
    void outcropCanvasesAreInvokeAis() {
        for (JsonNode c : REFS.get("outcrop")) {
            BufferedImage canvas = OutcropCanvas.of(source(c), words(c), line -> { });
            assertEquals(c.get("size").get(0).asInt(), canvas.getWidth(), c.toString());
            assertEquals(c.get("size").get(1).asInt(), canvas.getHeight(), c.toString());
            assertEquals(c.get("sha256").asText(), rgbaSha256(canvas), c.get("words").toString());
        }
    }
}
