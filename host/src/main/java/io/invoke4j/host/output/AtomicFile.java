package io.invoke4j.host.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content all at once: readers and a crash see the old file, no file, or the complete new
 * one, never a partial one.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code content} to a temporary file beside {@code target}, syncs it, and renames it over. */
    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = createTemporary(folder, target);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // the data must be on disk before the rename is
            }
            move(temporary, target);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temporary, e);
            throw e;
        }
    }

    /* Files.createTempFile would give the final image mode 0600; this keeps the folder's usual permissions. */
    private static Path createTemporary(Path folder, Path target) throws IOException {
        while (true) {
            try {
                return Files.createFile(folder.resolve(temporaryName(target)));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same random name: draw again
            }
        }
    }

    /* The leading dot keeps it out of unique_prefix's "^\d+\..*\.png" and out of sight while it exists. */
    private static String temporaryName(Path target) {
        return "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
