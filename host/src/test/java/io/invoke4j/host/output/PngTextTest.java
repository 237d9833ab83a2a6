package io.invoke4j.host.output;

import static io.invoke4j.host.output.PngChunks.build;
import static io.invoke4j.host.output.PngChunks.chunk;
import static io.invoke4j.host.output.PngChunks.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTextTest {
    private static final PngChunks.Chunk IHDR = chunk("IHDR", new byte[13]);
    private static final PngChunks.Chunk IDAT = chunk("IDAT", new byte[] {1, 2, 3});
    private static final PngChunks.Chunk IEND = chunk("IEND", new byte[0]);

    @TempDir
    Path dir;

    @Test
    void allThreeKindsInFileOrder() throws IOException {
        byte[] png = build(IHDR,
                latin1("tEXt", "Dream\0\"a café\" -s 50"),
                chunk("zTXt", concat("sd-metadata\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate("{\"x\": 1}"))),
                chunk("iTXt", concat("parameters\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), utf8("猫 cat"))),
                chunk("iTXt", concat("zipped\0\1\0en\0Zipped\0".getBytes(StandardCharsets.ISO_8859_1),
                        deflate(utf8("ü 😀")))),
                IDAT,
                latin1("tEXt", "after\0image data"),
                IEND);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Dream", "\"a café\" -s 50");
        expected.put("sd-metadata", "{\"x\": 1}");
        expected.put("parameters", "猫 cat");
        expected.put("zipped", "ü 😀");
        expected.put("after", "image data");
        LinkedHashMap<String, String> texts = PngText.parse(png);
        assertEquals(expected, texts);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(texts.keySet()));
    }

    @Test
    void aRepeatedKeywordKeepsItsPlaceAndTakesTheLastText() throws IOException {
        byte[] png = build(IHDR, latin1("tEXt", "a\0one"), latin1("tEXt", "b\0two"), latin1("tEXt", "a\0three"), IEND);
        LinkedHashMap<String, String> texts = PngText.parse(png);
        assertEquals(List.of("a", "b"), List.copyOf(texts.keySet()));
        assertEquals("three", texts.get("a"));
    }

    @Test
    void aPngWithoutTextGivesAnEmptyMap() throws IOException {
        assertTrue(PngText.parse(build(IHDR, IDAT, IEND)).isEmpty());
    }

    @Test
    void readsAFile() throws IOException {
        Path file = Files.write(dir.resolve("x.png"), build(IHDR, latin1("tEXt", "Dream\0cmd"), IEND));
        assertEquals(Map.of("Dream", "cmd"), PngText.read(file));
    }

    @Test
    void aMissingFileSaysSo() {
        assertThrows(NoSuchFileException.class, () -> PngText.read(dir.resolve("none.png")));
    }

    @Test
    void notAPng() {
        assertOneLineFailure("not a PNG file", "GIF89a and more bytes".getBytes(StandardCharsets.US_ASCII));
        assertOneLineFailure("not a PNG file", new byte[0]);
    }

    @Test
    void truncatedInsideAChunk() {
        byte[] png = build(IHDR, latin1("tEXt", "Dream\0a long command"), IEND);
        assertOneLineFailure("truncated PNG: chunk 'tEXt' at byte 33 is cut short (20 data bytes and a CRC, 10 bytes left)",
                Arrays.copyOf(png, 33 + 8 + 10));
    }

    @Test
    void truncatedBeforeIend() {
        byte[] png = build(IHDR, IDAT, IEND);
        assertOneLineFailure("truncated PNG: no IEND chunk, file ends at byte 48", Arrays.copyOf(png, 48));
        assertOneLineFailure("truncated PNG: chunk header at byte 48 is cut short", Arrays.copyOf(png, 50));
    }

    @Test
    void aHugeLengthIsTruncationNotAnOverflow() {
        byte[] png = build(IHDR, IEND);
        png[33] = (byte) 0xFF; // IEND's length becomes 0xFF000000
        assertThrows(PngFormatException.class, () -> PngText.parse(png));
    }

    @Test
    void aDamagedChunkFailsItsCrc() {
        byte[] png = build(IHDR, latin1("tEXt", "Dream\0cmd"), IEND);
        png[33 + 8 + 6] ^= 1;
        assertOneLineFailure("damaged PNG: bad CRC in chunk 'tEXt' at byte 33", png);
    }

    @Test
    void malformedTextChunks() {
        assertOneLineFailure("damaged PNG: chunk 'tEXt' at byte 33 is malformed",
                build(IHDR, latin1("tEXt", "no separator"), IEND));
        assertOneLineFailure("damaged PNG: compressed text at byte 33 is invalid",
                build(IHDR, latin1("zTXt", "k\0\0not zlib"), IEND));
        assertOneLineFailure("damaged PNG: text of chunk 'iTXt' at byte 33 is not UTF-8",
                build(IHDR, chunk("iTXt", new byte[] {'k', 0, 0, 0, 0, 0, (byte) 0xE9}), IEND));
    }

    @Test
    void anOddChunkTypeIsShownPrintably() {
        byte[] png = Arrays.copyOf(build(IHDR, latin1("tEXt", "Dream\0cmd"), IEND), 33 + 8 + 2);
        png[33 + 4 + 1] = '\n';
        assertOneLineFailure("truncated PNG: chunk 't\\x0aXt' at byte 33 is cut short (9 data bytes and a CRC, 2 bytes left)",
                png);
    }

    private static void assertOneLineFailure(String message, byte[] bytes) {
        PngFormatException failure = assertThrows(PngFormatException.class, () -> PngText.parse(bytes));
        assertEquals(message, failure.getMessage());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deflate(String latin1) throws IOException {
        return deflate(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, new Deflater(9))) {
            zlib.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
