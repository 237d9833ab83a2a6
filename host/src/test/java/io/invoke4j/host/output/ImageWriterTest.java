package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWriterTest {
    private static final byte[] NUL = {0};

    @TempDir
    Path dir;

    private final ImageWriter writer = new ImageWriter(ImageWriter.DEFAULT_PNG_COMPRESSION);

    @Test
    void chunksComeInInvokeAiOrderBeforeTheImageData() throws IOException {
        Path file = writer.write(dir, "000001.42.png", TestImages.gradient(16, 16), TestImages.record("a cat"));
        PngChunks png = PngChunks.of(Files.readAllBytes(file));
        assertEquals(List.of("IHDR", "tEXt", "tEXt", "tEXt", "IDAT", "IEND"), png.types());
        assertEquals(List.of("Dream", "sd-metadata", "parameters"),
                List.of(keyword(png.get(1)), keyword(png.get(2)), keyword(png.get(3))));
    }

    @Test
    void latin1TextIsATextChunkOfLatin1Bytes() throws IOException {
        ImageRecord record = TestImages.record("a café");
        Path file = writer.write(dir, "000001.42.png", TestImages.gradient(8, 8), record);
        PngChunks.Chunk dream = PngChunks.of(Files.readAllBytes(file)).get(1);
        assertEquals("tEXt", dream.type());
        assertArrayEquals(concat(ascii("Dream"), NUL, record.command().getBytes(StandardCharsets.ISO_8859_1)),
                dream.data());
        assertTrue(record.command().getBytes(StandardCharsets.ISO_8859_1).length
                < record.command().getBytes(StandardCharsets.UTF_8).length, "é is one byte, not two");
    }

    @Test
    void otherTextIsAnUncompressedInternationalChunkInPlace() throws IOException {
        ImageRecord record = TestImages.record("a cat 猫 [dog]");
        Path file = writer.write(dir, "000001.42.png", TestImages.gradient(8, 8), record);
        PngChunks png = PngChunks.of(Files.readAllBytes(file));
        assertEquals(List.of("IHDR", "iTXt", "tEXt", "iTXt", "IDAT", "IEND"), png.types());
        assertArrayEquals(concat(ascii("Dream"), new byte[] {0, 0, 0, 0, 0},
                record.command().getBytes(StandardCharsets.UTF_8)), png.get(1).data());
        assertArrayEquals(concat(ascii("parameters"), new byte[] {0, 0, 0, 0, 0},
                A1111Parameters.infotext(record).getBytes(StandardCharsets.UTF_8)), png.get(3).data());
        assertEquals("sd-metadata", keyword(png.get(2)));
    }

    @Test
    void theChunksHoldTheCommandTheJsonAndTheInfotext() throws IOException {
        ImageRecord record = TestImages.record("a cat:0.7 a dog:0.3 [blurry]");
        Path file = writer.write(dir, "000001.42.png", TestImages.gradient(8, 8), record);
        Map<String, String> texts = PngText.read(file);
        assertEquals(List.of("Dream", "sd-metadata", "parameters"), List.copyOf(texts.keySet()));
        assertEquals(record.command(), texts.get("Dream"));
        assertEquals(SdMetadata.json(record), texts.get("sd-metadata"));
        assertEquals(A1111Parameters.infotext(record), texts.get("parameters"));
    }

    @Test
    void theImageReadsBackPixelForPixel() throws IOException {
        BufferedImage image = TestImages.gradient(20, 12);
        Path file = writer.write(dir, "000001.42.png", image, TestImages.record("a cat"));
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(20, read.getWidth());
        assertEquals(12, read.getHeight());
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(image.getRGB(x, y), read.getRGB(x, y));
            }
        }
    }

    @Test
    void theImageIsNotInterlaced() throws IOException {
        Path file = writer.write(dir, "000001.42.png", TestImages.gradient(8, 8), TestImages.record("a cat"));
        byte[] ihdr = PngChunks.of(Files.readAllBytes(file)).first("IHDR").data();
        assertEquals(0, ihdr[12], "interlace method");
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws IOException {
        ImageRecord record = TestImages.record("a cat 猫");
        Path first = writer.write(dir.resolve("a"), "000001.42.png", TestImages.gradient(32, 32), record);
        Path second = new ImageWriter(ImageWriter.DEFAULT_PNG_COMPRESSION)
                .write(dir.resolve("b"), "000001.42.png", TestImages.gradient(32, 32), record);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void theCompressionLevelIsHonoured() throws IOException {
        BufferedImage image = TestImages.gradient(64, 64);
        ImageRecord record = TestImages.record("a cat");
        byte[] stored = Files.readAllBytes(new ImageWriter(0).write(dir, "l0.png", image, record));
        byte[] level6 = Files.readAllBytes(new ImageWriter(6).write(dir, "l6.png", image, record));
        byte[] level9 = Files.readAllBytes(new ImageWriter(9).write(dir, "l9.png", image, record));
        assertTrue(stored.length > level9.length, stored.length + " > " + level9.length);
        // the zlib header's FLEVEL bits name the level class: 0-1 -> 0x01, 6 -> 0x9C, 7-9 -> 0xDA (4 -> 0x5E)
        assertEquals(0x01, zlibFlags(stored));
        assertEquals(0x9C, zlibFlags(level6));
        assertEquals(0xDA, zlibFlags(level9));
    }

    @Test
    void levelZeroAndNineDifferInSizeOnlyNotInPixelsOrText() throws IOException {
        BufferedImage image = TestImages.gradient(64, 48);
        ImageRecord record = TestImages.record("a cat 猫");
        Path stored = new ImageWriter(0).write(dir, "z0.png", image, record);
        Path smallest = new ImageWriter(9).write(dir, "z9.png", image, record);
        assertTrue(Files.size(stored) > Files.size(smallest), Files.size(stored) + " > " + Files.size(smallest));
        BufferedImage a = javax.imageio.ImageIO.read(stored.toFile());
        BufferedImage b = javax.imageio.ImageIO.read(smallest.toFile());
        assertArrayEquals(image.getRGB(0, 0, 64, 48, null, 0, 64), a.getRGB(0, 0, 64, 48, null, 0, 64));
        assertArrayEquals(a.getRGB(0, 0, 64, 48, null, 0, 64), b.getRGB(0, 0, 64, 48, null, 0, 64));
        assertEquals(PngText.read(stored), PngText.read(smallest));
        assertEquals(ImageWriter.chunks(record), PngText.read(smallest));
    }

    @Test
    void aLevelOutsideZeroToNineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageWriter(10));
        assertThrows(IllegalArgumentException.class, () -> new ImageWriter(-1));
    }

    @Test
    void theFolderIsCreatedAndThePathReturned() {
        Path folder = dir.resolve("outputs/img-samples");
        Path file = writer.write(folder, "000001.42.png", TestImages.gradient(4, 4), TestImages.record("a cat"));
        assertEquals(folder.resolve("000001.42.png"), file);
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void aSuccessfulWriteLeavesOnlyTheImage() throws IOException {
        writer.write(dir, "000001.42.png", TestImages.gradient(4, 4), TestImages.record("a cat"));
        assertEquals(List.of("000001.42.png"), names());
    }

    @Test
    void anExistingImageIsReplacedWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("000001.42.png"), "old");
        writer.write(dir, "000001.42.png", TestImages.gradient(4, 4), TestImages.record("a cat"));
        assertEquals("a cat", PngText.read(target).get("Dream").substring(1, 6));
        assertEquals(List.of("000001.42.png"), names());
    }

    @Test
    void anImageThatFailsToEncodeLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("000001.42.png"), "old");
        BufferedImage broken = new UnreadableImage(8, 8);
        assertThrows(IllegalStateException.class,
                () -> writer.write(dir, "000001.42.png", broken, TestImages.record("a cat")));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("000001.42.png"), names());
    }

    @Test
    void aFailedRenameRemovesTheTemporaryFile() throws IOException {
        // a non-empty folder under the target name cannot be replaced by a rename
        Files.createDirectories(dir.resolve("000001.42.png/inside"));
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> writer.write(dir, "000001.42.png", TestImages.gradient(4, 4), TestImages.record("a cat")));
        assertTrue(failure.getMessage().contains("000001.42.png"), failure.getMessage());
        assertEquals(List.of("000001.42.png"), names());
        assertTrue(Files.isDirectory(dir.resolve("000001.42.png")));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int zlibFlags(byte[] png) {
        return PngChunks.of(png).first("IDAT").data()[1] & 0xFF;
    }

    private static String keyword(PngChunks.Chunk chunk) {
        byte[] data = chunk.data();
        int nul = 0;
        while (data[nul] != 0) {
            nul++;
        }
        return new String(data, 0, nul, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** An image whose pixels cannot be read, so that encoding fails midway. */
    private static final class UnreadableImage extends BufferedImage {
        UnreadableImage(int width, int height) {
            super(width, height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public Raster getData(Rectangle rect) {
            throw new IllegalStateException("pixels unavailable");
        }

        @Override
        public Raster getData() {
            throw new IllegalStateException("pixels unavailable");
        }

        @Override
        public Raster getTile(int tileX, int tileY) {
            throw new IllegalStateException("pixels unavailable");
        }

        @Override
        public WritableRaster copyData(WritableRaster raster) {
            throw new IllegalStateException("pixels unavailable");
        }
    }
}
