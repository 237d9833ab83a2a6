package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    /** A 3x2 image whose pixels are their indices: 0 1 2 / 3 4 5. */
    private static BufferedImage threeByTwo() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 6; i++) {
            image.setRGB(i % 3, i / 3, 0xff000000 | i);
        }
        return image;
    }

    private static int[][] pixels(BufferedImage image) {
        int[][] rows = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows[y][x] = image.getRGB(x, y) & 0xffffff;
            }
        }
        return rows;
    }

    @Test
    void eachOrientationIsTurnedUprightAsPillowDoes() {
        int[][][] expected = {
            {{0, 1, 2}, {3, 4, 5}},          // 1
            {{2, 1, 0}, {5, 4, 3}},          // 2 mirror left-right
            {{5, 4, 3}, {2, 1, 0}},          // 3 rotate 180
            {{3, 4, 5}, {0, 1, 2}},          // 4 mirror top-bottom
            {{0, 3}, {1, 4}, {2, 5}},        // 5 transpose
            {{3, 0}, {4, 1}, {5, 2}},        // 6 rotate 90 clockwise
            {{5, 2}, {4, 1}, {3, 0}},        // 7 transverse
            {{2, 5}, {1, 4}, {0, 3}},        // 8 rotate 90 counter-clockwise
        };
        for (int orientation = 1; orientation <= 8; orientation++) {
            int[][] turned = pixels(ExifOrientation.apply(threeByTwo(), orientation));
            assertArrayEquals(expected[orientation - 1], turned, "orientation " + orientation);
        }
    }

    /** A TIFF block holding only IFD0 with the orientation tag. */
    static byte[] tiff(int orientation, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(26).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** A JPEG with an {@code APP1 Exif} segment right after its SOI marker. */
    static byte[] jpegWithOrientation(BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ImageIO.write(rgb, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] tiff = tiff(orientation, ByteOrder.BIG_ENDIAN);
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
        out.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an {@code eXIf} chunk before its image data. */
    static byte[] pngWithOrientation(BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] plain = png.toByteArray();
        byte[] tiff = tiff(orientation, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
        chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + tiff.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, then the IHDR chunk
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.write(chunk.array());
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    @Test
    void theTagIsReadFromJpegAndPng() throws IOException {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertEquals(orientation, ExifOrientation.of(jpegWithOrientation(threeByTwo(), orientation)));
            assertEquals(orientation, ExifOrientation.of(pngWithOrientation(threeByTwo(), orientation)));
        }
    }

    @Test
    void noTagOrABrokenOneIsNormal() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(threeByTwo(), "png", png);
        assertEquals(1, ExifOrientation.of(png.toByteArray()));
        byte[] jpeg = jpegWithOrientation(threeByTwo(), 6);
        jpeg[12 + 4] = 99; // the high byte of the offset to IFD0: now far past the segment
        assertEquals(1, ExifOrientation.of(jpeg));
        assertEquals(1, ExifOrientation.of(new byte[] {1, 2, 3}));
    }
}
