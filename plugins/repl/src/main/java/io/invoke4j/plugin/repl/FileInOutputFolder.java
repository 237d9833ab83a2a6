package io.invoke4j.plugin.repl;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * InvokeAI's rule for a file named at {@code invoke>}: a relative path that is not there as typed is looked for in
 * the output folder, so that a bare name finds what the session wrote there (the host applies it to
 * {@code !fetch FILE}, {@code !fix} and {@code -I}).
 */
final class FileInOutputFolder {
    private FileInOutputFolder() {
    }

    /**
     * The file {@code typed} names: as typed when it is there, absolute or missing from the output folder too;
     * else the one in the output folder.
     *
     * @throws InvalidPathException for text that is no path
     */
    static Path locate(String typed, Path outputDirectory) {
        Path path = Path.of(typed);
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        Path inOutputFolder = outputDirectory.resolve(path);
        return Files.exists(inOutputFolder) ? inOutputFolder : path;
    }
}
