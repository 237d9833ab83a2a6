package io.invoke4j.host.generate;

import java.nio.file.Files;
import java.nio.file.Path;

/** The tokenizer of the bundled {@code models/tiny-sd} model, loaded once for all tests (of any package). */
public final class BundledTokenizer {

    private static final Path MODEL = Path.of("models", "tiny-sd");

    private static ClipTokenizer tokenizer;

    private BundledTokenizer() {
    }

    /** The tokenizer, loaded on first use. */
    public static synchronized ClipTokenizer get() {
        if (tokenizer == null) {
            tokenizer = ClipTokenizer.load(repositoryRoot().resolve(MODEL).resolve("tokenizer"));
        }
        return tokenizer;
    }

    /** The bundled {@code models/tiny-sd} folder. */
    static Path modelFolder() {
        return repositoryRoot().resolve(MODEL);
    }

    /**
     * Surefire passes the repository root as {@code invoke4j.root}; an IDE run may not, so then the working
     * directory and its parents are searched for the folder holding {@code models/tiny-sd}.
     */
    private static Path repositoryRoot() {
        String configured = System.getProperty("invoke4j.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured).resolve(MODEL))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MODEL))) {
                return dir;
            }
        }
        throw new IllegalStateException("no models/tiny-sd above " + Path.of("").toAbsolutePath()
                + " and invoke4j.root is " + configured);
    }
}
