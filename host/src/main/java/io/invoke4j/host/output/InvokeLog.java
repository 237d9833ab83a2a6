package io.invoke4j.host.output;

import io.invoke4j.api.GeneratedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** {@code invoke_log.txt} and {@code invoke_log.md} in the folder the images went to, appended per command. */
public final class InvokeLog {
    /** The plain log: one {@code {path}: {command}} line per image. */
    public static final String TEXT_LOG = "invoke_log.txt";
    /** The Markdown log: a heading, the image and its command per image. */
    public static final String MARKDOWN_LOG = "invoke_log.md";

    private InvokeLog() {
    }

    /**
     * Appends one entry per image to both log files of {@code dir} (UTF-8), creating them if missing.
     *
     * @throws UncheckedIOException when a log cannot be written
     */
    public static void append(Path dir, List<GeneratedImage> images) {
        StringBuilder text = new StringBuilder();
        StringBuilder markdown = new StringBuilder();
        for (GeneratedImage image : images) {
            String basename = image.path().getFileName().toString();
            text.append(image.path()).append(": ").append(image.command()).append('\n');
            markdown.append("## ").append(basename).append('\n')
                    .append("![](").append(basename).append(")\n\n")
                    .append(image.command()).append('\n');
        }
        appendTo(dir.resolve(TEXT_LOG), text);
        appendTo(dir.resolve(MARKDOWN_LOG), markdown);
    }

    /* One write per file and command, so the entries of one command stay together. */
    private static void appendTo(Path log, CharSequence entries) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, entries, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + log + ": " + e.getMessage(), e);
        }
    }
}
