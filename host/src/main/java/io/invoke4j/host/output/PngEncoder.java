package io.invoke4j.host.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes an image as a non-interlaced PNG with text chunks right after {@code IHDR}, in the given order, using
 * the JDK's PNG writer.
 */
final class PngEncoder {
    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";
    private static final int MAX_LEVEL = 9;

    private final float compressionQuality;

    /** @param compressionLevel zlib level 0 (stored) to 9 (smallest) */
    PngEncoder(int compressionLevel) {
        if (compressionLevel < 0 || compressionLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("PNG compression level must be 0-9, got " + compressionLevel);
        }
        // the JDK writer uses zlib level 9 - round(9 * quality); this quality gives back exactly our level
        this.compressionQuality = (MAX_LEVEL - compressionLevel) / (float) MAX_LEVEL;
    }

    /** The PNG bytes of {@code image} carrying {@code chunks}. */
    byte[] encode(BufferedImage image, List<PngTextChunk> chunks) throws IOException {
        javax.imageio.ImageWriter writer = pngWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(compressionQuality);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            metadata.mergeTree(PNG_METADATA_FORMAT, textChunksTree(chunks));

            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(png)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return png.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /*
     * The writer's own tEXt and iTXt nodes come out grouped by type (all tEXt, then all iTXt), which would put a
     * non-Latin-1 Dream after sd-metadata. Unknown chunks keep their order and still come before IDAT, so the
     * chunks go in as those, with PIL's byte layout.
     */
    private static IIOMetadataNode textChunksTree(List<PngTextChunk> chunks) {
        IIOMetadataNode unknownChunks = new IIOMetadataNode("UnknownChunks");
        for (PngTextChunk chunk : chunks) {
            IIOMetadataNode node = new IIOMetadataNode("UnknownChunk");
            node.setAttribute("type", chunk.type());
            node.setUserObject(chunk.data());
            unknownChunks.appendChild(node);
        }
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
        root.appendChild(unknownChunks);
        return root;
    }

    private static javax.imageio.ImageWriter pngWriter() throws IOException {
        Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG writer");
        }
        return writers.next();
    }
}
