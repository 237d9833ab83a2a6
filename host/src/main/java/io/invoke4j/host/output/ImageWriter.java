package io.invoke4j.host.output;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes generated images as InvokeAI 2.2.5 does: PNG with the {@code Dream} and {@code sd-metadata} text
 * chunks (and A1111's {@code parameters}), atomically (a temporary file in the same folder, then a rename).
 * The same image and record always give the same bytes.
 */
public final class ImageWriter {
    /** InvokeAI's {@code -z} default (PIL's). */
    public static final int DEFAULT_PNG_COMPRESSION = 6;
    /** The highest zlib level ({@code -z 9}). */
    public static final int MAX_PNG_COMPRESSION = 9;

    private final PngEncoder encoder;

    /**
     * @param pngCompression zlib level 0-9 (InvokeAI's {@code -z}, default 6)
     * @throws IllegalArgumentException for a level outside 0-9
     */
    public ImageWriter(int pngCompression) {
        this.encoder = new PngEncoder(pngCompression);
    }

    /**
     * The next {@code {prefix}} in {@code dir} (InvokeAI's {@code unique_prefix}: {@code 000001} when empty or
     * missing). Like InvokeAI it takes the first name in reverse code-point order that looks numbered, so
     * {@code 9.x.png} beats {@code 000010.x.png} and after {@code 999999} the prefix stays {@code 1000000}.
     *
     * @throws UncheckedIOException when {@code dir} exists but cannot be listed
     */
    public static String uniquePrefix(Path dir) {
        return UniquePrefix.next(dir);
    }

    /**
     * Writes {@code image} to {@code dir/fileName} with the metadata chunks of {@code record}, creating
     * {@code dir} if needed, atomically.
     *
     * @return the path written ({@code dir.resolve(fileName)})
     * @throws UncheckedIOException when the image cannot be encoded or written; no file is left behind then,
     *                              and an earlier file of that name is kept as it was
     */
    public Path write(Path dir, String fileName, BufferedImage image, ImageRecord record) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(record.command(), "record.command");
        Path target = dir.resolve(fileName);
        try {
            AtomicFile.write(target, encoder.encode(image, textChunks(record)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * Writes {@code image} with exactly these text chunks, in this order ({@code !fix} keeps its source's
     * metadata), creating {@code dir} if needed, atomically.
     *
     * @param chunks keyword to text, e.g. {@code Dream}, {@code sd-metadata}
     * @return the path written
     * @throws UncheckedIOException as {@link #write(Path, String, BufferedImage, ImageRecord)}
     */
    public Path write(Path dir, String fileName, BufferedImage image, java.util.Map<String, String> chunks) {
        Objects.requireNonNull(image, "image");
        Path target = dir.resolve(fileName);
        List<PngTextChunk> text = chunks.entrySet().stream()
                .map(chunk -> new PngTextChunk(chunk.getKey(), chunk.getValue())).toList();
        try {
            AtomicFile.write(target, encoder.encode(image, text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** The three chunks of a generated image. */
    public static java.util.Map<String, String> chunks(ImageRecord record) {
        java.util.Map<String, String> chunks = new java.util.LinkedHashMap<>();
        textChunks(record).forEach(chunk -> chunks.put(chunk.keyword(), chunk.text()));
        return chunks;
    }

    private static List<PngTextChunk> textChunks(ImageRecord record) {
        return List.of(
                new PngTextChunk("Dream", record.command()),
                new PngTextChunk("sd-metadata", SdMetadata.json(record)),
                new PngTextChunk("parameters", A1111Parameters.infotext(record)));
    }
}
