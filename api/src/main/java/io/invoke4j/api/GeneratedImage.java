package io.invoke4j.api;

import java.nio.file.Path;

/**
 * One image written by the host.
 *
 * @param path    the PNG file, as written (output folder joined with the file name)
 * @param seed    the image's own seed: {@code -S} with that value gives this image again
 * @param command the canonical command that reproduces it ({@code "a cat" -s 50 -S 42 -W 512 -H 512 -C 7.5
 *                -A k_lms}), the same text that is stored in the PNG and the log
 */
public record GeneratedImage(Path path, long seed, String command) {
}
