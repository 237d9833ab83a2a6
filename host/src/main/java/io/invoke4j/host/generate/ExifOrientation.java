package io.invoke4j.host.generate;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a JPEG ({@code APP1 "Exif"}) or PNG ({@code eXIf} chunk), and Pillow's
 * {@code ImageOps.exif_transpose}, which InvokeAI applies to every init image so that a phone photo is used the
 * way it is shown. ImageIO itself ignores the tag.
 */
final class ExifOrientation {
    /** The orientation of an image without the tag: as stored. */
    static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExifOrientation() {
    }

    /** The orientation (1-8) recorded in the file's bytes; {@link #NORMAL} when there is none or it is unreadable. */
    static int of(byte[] file) {
        try {
            ByteBuffer tiff = isJpeg(file) ? jpegExif(file) : isPng(file) ? pngExif(file) : null;
            int orientation = tiff == null ? NORMAL : orientation(tiff);
            return orientation >= 1 && orientation <= 8 ? orientation : NORMAL;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // a truncated or malformed EXIF block: Pillow would skip it too
            return NORMAL;
        }
    }

    private static boolean isJpeg(byte[] file) {
        return file.length > 4 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xd8;
    }

    private static boolean isPng(byte[] file) {
        if (file.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (file[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The TIFF block of the first {@code APP1} segment that starts with {@code "Exif\0\0"}, or null. */
    private static ByteBuffer jpegExif(byte[] file) {
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xff) == 0xff) {
            int marker = file[at + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                // start of scan / end of image: no more metadata segments
                return null;
            }
            int length = ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
            int body = at + 4;
            if (marker == 0xe1 && length >= 8 && "Exif\0\0".equals(new String(file, body, 6, StandardCharsets.ISO_8859_1))) {
                return ByteBuffer.wrap(file, body + 6, length - 8).slice();
            }
            at += 2 + length;
        }
        return null;
    }

    /** The payload of the {@code eXIf} chunk (a TIFF block), or null. */
    private static ByteBuffer pngExif(byte[] file) {
        int at = PNG_SIGNATURE.length;
        while (at + 8 <= file.length) {
            int length = ByteBuffer.wrap(file, at, 4).getInt();
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if ("eXIf".equals(type)) {
                return ByteBuffer.wrap(file, at + 8, length).slice();
            }
            if ("IDAT".equals(type) || "IEND".equals(type) || length < 0) {
                // Pillow only reads an eXIf chunk that comes before the image data
                return null;
            }
            at += 12 + length;
        }
        return null;
    }

    /** Tag 0x0112 of IFD0 in a TIFF block, or {@link #NORMAL}. */
    private static int orientation(ByteBuffer tiff) {
        String order = new String(new byte[] {tiff.get(0), tiff.get(1)}, StandardCharsets.ISO_8859_1);
        tiff.order("II".equals(order) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG && (tiff.getShort(entry + 2) & 0xffff) == SHORT) {
                return tiff.getShort(entry + 8) & 0xffff;
            }
        }
        return NORMAL;
    }

    /**
     * {@code image} turned upright for {@code orientation}, as {@code exif_transpose} does: 2 mirrors left-right, 3
     * rotates 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 rotates 90 degrees clockwise, 7 transverses, 8
     * rotates 90 degrees counter-clockwise. Returns {@code image} itself for 1.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swapsSides = orientation >= 5;
        int outWidth = swapsSides ? h : w;
        int outHeight = swapsSides ? w : h;
        int[] in = image.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - ox; sy = oy; }
                    case 3 -> { sx = w - 1 - ox; sy = h - 1 - oy; }
                    case 4 -> { sx = ox; sy = h - 1 - oy; }
                    case 5 -> { sx = oy; sy = ox; }
                    case 6 -> { sx = oy; sy = h - 1 - ox; }
                    case 7 -> { sx = w - 1 - oy; sy = h - 1 - ox; }
                    default -> { sx = w - 1 - oy; sy = ox; }
                }
                out[oy * outWidth + ox] = in[sy * w + sx];
            }
        }
        BufferedImage turned = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_ARGB);
        turned.setRGB(0, 0, outWidth, outHeight, out, 0, outWidth);
        return turned;
    }
}
