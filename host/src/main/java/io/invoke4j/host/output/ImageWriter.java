package io.invoke4j.host.output;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Writes generated images as InvokeAI 2.2.5 does: PNG with the {@code Dream} and {@code sd-metadata} text
 * chunks (and A1111's {@code parameters}), atomically (a temporary file in the same folder, then a rename).
 */
public final class ImageWriter {

    /** @param pngCompression zlib level 0-9 (InvokeAI's {@code -z}, default 6) */
    public ImageWriter(int pngCompression) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The next {@code {prefix}} in {@code dir} (InvokeAI's {@code unique_prefix}: {@code 000001} when empty). */
    public static String uniquePrefix(Path dir) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Writes {@code image} to {@code dir/fileName} with the metadata chunks of {@code record}, creating
     * {@code dir} if needed, atomically.
     *
     * @return the path written ({@code dir.resolve(fileName)})
     */
    public Path write(Path dir, String fileName, BufferedImage image, ImageRecord record) {
        throw new UnsupportedOperationException("TODO");
    }
}
