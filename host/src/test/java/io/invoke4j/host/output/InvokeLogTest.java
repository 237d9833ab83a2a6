package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.GeneratedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeLogTest {
    @TempDir
    Path dir;

    @Test
    void twoCommandsAppendToBothLogs() throws IOException {
        Path out = dir.resolve("outputs");
        InvokeLog.append(out, List.of(new GeneratedImage(out.resolve("000001.42.png"), 42,
                "\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms")));
        InvokeLog.append(out, List.of(
                new GeneratedImage(out.resolve("000002.7.png"), 7, "\"猫\" -s 50 -S 7 -W 512 -H 512 -C 7.5 -A k_lms"),
                new GeneratedImage(out.resolve("000002.8.png"), 8, "\"猫\" -s 50 -S 8 -W 512 -H 512 -C 7.5 -A k_lms")));

        assertEquals(out.resolve("000001.42.png") + ": \"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms\n"
                + out.resolve("000002.7.png") + ": \"猫\" -s 50 -S 7 -W 512 -H 512 -C 7.5 -A k_lms\n"
                + out.resolve("000002.8.png") + ": \"猫\" -s 50 -S 8 -W 512 -H 512 -C 7.5 -A k_lms\n",
                Files.readString(out.resolve("invoke_log.txt"), StandardCharsets.UTF_8));
        assertEquals("## 000001.42.png\n![](000001.42.png)\n\n\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms\n"
                + "## 000002.7.png\n![](000002.7.png)\n\n\"猫\" -s 50 -S 7 -W 512 -H 512 -C 7.5 -A k_lms\n"
                + "## 000002.8.png\n![](000002.8.png)\n\n\"猫\" -s 50 -S 8 -W 512 -H 512 -C 7.5 -A k_lms\n",
                Files.readString(out.resolve("invoke_log.md"), StandardCharsets.UTF_8));
    }

    @Test
    void thePathIsWrittenAsGiven() throws IOException {
        Path relative = Path.of("outputs", "img-samples", "000003.42.png");
        InvokeLog.append(dir, List.of(new GeneratedImage(relative, 42, "cmd")));
        assertEquals("outputs/img-samples/000003.42.png: cmd\n".replace("/", relative.getFileSystem().getSeparator()),
                Files.readString(dir.resolve("invoke_log.txt")));
    }

    @Test
    void existingContentIsKept() throws IOException {
        Files.writeString(dir.resolve("invoke_log.txt"), "earlier: line\n");
        InvokeLog.append(dir, List.of(new GeneratedImage(dir.resolve("a.png"), 1, "cmd")));
        assertEquals("earlier: line\n" + dir.resolve("a.png") + ": cmd\n", Files.readString(dir.resolve("invoke_log.txt")));
    }
}
