package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal: {@code script} (util-linux) gives it a pseudo-terminal, so JLine reads the
 * keys and a Ctrl-C byte typed into the terminal becomes SIGINT, as when a person presses it.
 */
class TerminalIT {
    private static final byte CTRL_C = 3;

    @TempDir
    Path work;

    /** The terminal's output so far, collected on a thread of its own. */
    private static final class Screen {
        private final StringBuilder text = new StringBuilder();

        Screen(InputStream stream) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = stream.read(buffer)) > 0; ) {
                        synchronized (text) {
                            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            text.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the terminal closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until {@code part} has appeared {@code times} times. */
        void await(String part, int times) throws InterruptedException {
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(2);
            synchronized (text) {
                while (count(part) < times) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError("no " + times + " x <" + part + "> on the terminal:\n" + text);
                    }
                    text.wait(left);
                }
            }
        }

        private int count(String part) {
            int n = 0;
            for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
                n++;
            }
            return n;
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }

    @Test
    void ctrlCCancelsTheJobNotTheProgram() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pty");
        String invoke = Launcher.dist().resolve("bin/invoke").toAbsolutePath() + " -o out";
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", invoke, "/dev/null"))
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        Process process = builder.start();
        Screen screen = new Screen(process.getInputStream());
        try (OutputStream keys = process.getOutputStream()) {
            screen.await("invoke> ", 1);
            keys.write("\"a slow one\" -s 400 -W 256 -H 256 -S 5\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            screen.await("/400 [", 3); // a few steps are done
            keys.write(CTRL_C);
            keys.flush();
            screen.await("**Interrupted** Partial results will be returned.", 1);
            screen.await("invoke> ", 2);
            keys.write("half a line".getBytes(StandardCharsets.UTF_8));
            keys.write(CTRL_C); // at the prompt: drops the line, the REPL stays and prompts again
            keys.flush();
            screen.await("invoke> ", 3);
            keys.write("\"a quick one\" -s 2 -W 64 -H 64 -S 6\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            screen.await("[1] ", 1);
            keys.write("q\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), screen::text);
        } finally {
            process.destroyForcibly();
        }
        String text = screen.text();
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("000001.6.png: \"a quick one\" -s 2 -S 6 -W 64 -H 64 -C 7.5 -A k_lms"), text);
        assertTrue(text.contains("goodbye!"), text);
        assertFalse(text.contains("\"half a line"), "the dropped line never ran");
        assertFalse(text.contains("Exception"), text);
        assertTrue(Files.exists(work.resolve("out/000001.6.png")));
        assertFalse(Files.exists(work.resolve("out/000001.5.png")), "the cancelled image is not written");
    }
}
