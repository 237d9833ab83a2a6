package io.invoke4j.host.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code model_hash} of the metadata: sha256 over the UNet's files (InvokeAI hashes the weights file;
 * in the diffusers layout the UNet holds nearly all of them), name order, so it identifies the weights.
 */
public final class ModelHash {
    private ModelHash() {
    }

    /** The sha256 hex of the regular files in {@code modelFolder/unet}. */
    public static String of(Path modelFolder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(modelFolder.resolve("unet"))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FileHash.sha256(files);
    }
}
