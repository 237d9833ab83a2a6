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
    /* keys as an xterm sends them; the arrows in the keypad-transmit mode JLine switches it to */
    private static final String UP = "\033OA";
    private static final String CTRL_A = "\001";
    private static final String CTRL_E = "\005";
    private static final String CTRL_K = "\013";
    private static final String CTRL_Y = "\031";
    private static final String BACKSPACE = "\177";
    private static final String TAB = "\t";
    private static final String SMALL = " -s 1 -W 64 -H 64";

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

        /**
         * Waits until {@code part} appears at or after {@code from}; returns where it ends, so that a session can
         * be followed step by step, each step looking only at what came after the last.
         */
        int awaitAfter(int from, String part) throws InterruptedException {
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(2);
            synchronized (text) {
                for (int found; (found = text.indexOf(part, from)) < 0; ) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError("no <" + part + "> on the terminal after:\n" + text.substring(
                                Math.min(from, text.length())) + "\n---- whole screen:\n" + text);
                    }
                    text.wait(left);
                }
                return text.indexOf(part, from) + part.length();
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
        Process process = startInTerminal();
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

    @Test
    void ctrlCDuringAReplayCancelsTheJobAndStopsTheRestOfTheFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pty");
        Files.writeString(work.resolve("batch.txt"), "\"a slow one\" -s 400 -W 256 -H 256 -S 5\n"
                + "\"never made\"" + SMALL + " -S 6\n");
        Process process = startInTerminal();
        Screen screen = new Screen(process.getInputStream());
        try (OutputStream keys = process.getOutputStream()) {
            int at = screen.awaitAfter(0, "invoke> ");
            type(keys, "!rep" + TAB + "batch" + TAB + "\r");
            at = screen.awaitAfter(at, "#\"a slow one\"");
            screen.await("/400 [", 3); // a few steps are done
            keys.write(CTRL_C);
            keys.flush();
            at = screen.awaitAfter(at, "**Interrupted** Partial results will be returned.");
            at = screen.awaitAfter(at, ">> !replay batch.txt stopped at line 1 (Ctrl-C); the rest of the file was not run");
            at = screen.awaitAfter(at, "invoke> ");
            type(keys, "\"a quick one\"" + SMALL + " -S 7\r");
            screen.awaitAfter(at, "000001.7.png: ");
            type(keys, "q\r");
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), screen::text);
        } finally {
            process.destroyForcibly();
        }
        String text = screen.text();
        assertEquals(0, process.exitValue(), text);
        assertFalse(text.contains("#\"never made\""), text);
        assertFalse(Files.exists(work.resolve("out/000001.6.png")), text);
        assertFalse(text.contains("Exception"), text);
    }

    /** {@code bin/invoke -o out} on a pseudo-terminal of its own, as a person starts it in an xterm. */
    private Process startInTerminal() throws IOException {
        // script runs the command through $SHELL -c; dash (CI's /bin/sh) stays on as java's parent, gets the
        // Ctrl-C too, dies of it and script reports that as 130. exec makes the program the terminal's own
        // process, as when a person starts it at a shell prompt; SHELL is fixed so every machine runs the same.
        String invoke = "exec " + Launcher.dist().resolve("bin/invoke").toAbsolutePath() + " -o out";
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", invoke, "/dev/null"))
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("SHELL", "/bin/sh");
        return builder.start();
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    @Test
    void historyRecallEmacsEditingAndTabCompletion() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pty");
        Path pictures = Files.createDirectories(work.resolve("pictures"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", pictures.resolve("zebra.png").toFile());
        Process process = startInTerminal();
        Screen screen = new Screen(process.getInputStream());
        try (OutputStream keys = process.getOutputStream()) {
            int at = screen.awaitAfter(0, "invoke> ");
            type(keys, "\"a fox\"" + SMALL + " -S 5\r");
            at = screen.awaitAfter(at, "000001.5.png: ");
            at = screen.awaitAfter(at, "invoke> ");
            // Up recalls it; Ctrl-E, Backspace and a new digit change the seed
            type(keys, UP + CTRL_E + BACKSPACE + "6\r");
            at = screen.awaitAfter(at, "000002.6.png: \"a fox\" -s 1 -S 6 ");
            at = screen.awaitAfter(at, "invoke> ");
            // Ctrl-A and Ctrl-K cut the line, Ctrl-Y puts it back after a new prompt text
            type(keys, SMALL.strip() + " -S 7" + CTRL_A + CTRL_K + "\"a cat\" " + CTRL_Y + "\r");
            at = screen.awaitAfter(at, "000003.7.png: \"a cat\" -s 1 -S 7 ");
            at = screen.awaitAfter(at, "invoke> ");
            // Tab: a long switch name, a sampler
            type(keys, "\"a dog\" --ste" + TAB + "1 -W 64 -H 64 -S 8 -A dd" + TAB + "\r");
            at = screen.awaitAfter(at, "000004.8.png: \"a dog\" -s 1 -S 8 -W 64 -H 64 -C 7.5 -A ddim");
            at = screen.awaitAfter(at, "invoke> ");
            // Tab: a ! command, then an image of the output folder; !fetch puts its command on the next line
            type(keys, "!fet" + TAB + "000004" + TAB + "\r");
            at = screen.awaitAfter(at, "invoke> ");
            type(keys, "\r");
            at = screen.awaitAfter(at, "000005.8.png: \"a dog\" -s 1 -S 8 -W 64 -H 64 -C 7.5 -A ddim");
            at = screen.awaitAfter(at, "invoke> ");
            // Tab in the manual's -I./folder form
            type(keys, "\"a zebra\" -I./pic" + TAB + "z" + TAB + "-f 0.5 -s 2 -W 64 -H 64 -S 9\r");
            at = screen.awaitAfter(at, "000006.9.png: \"a zebra\" -s 2 -S 9 -W 64 -H 64 -C 7.5 -I ./pictures/zebra.png");
            at = screen.awaitAfter(at, "invoke> ");
            // !history lists the commands typed; !1 shows the first on an invoke> line and runs it
            type(keys, "!history\r");
            at = screen.awaitAfter(at, "[3] \"a cat\"" + SMALL + " -S 7");
            at = screen.awaitAfter(at, "invoke> ");
            type(keys, "!1\r");
            at = screen.awaitAfter(at, "invoke> \"a fox\"" + SMALL + " -S 5");
            at = screen.awaitAfter(at, "000007.5.png: ");
            screen.awaitAfter(at, "invoke> ");
            type(keys, "q\r");
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), screen::text);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), screen.text());
        assertFalse(screen.text().contains("Exception"), screen.text());

        // the next session recalls the last command from the history file
        Process again = startInTerminal();
        Screen next = new Screen(again.getInputStream());
        try (OutputStream keys = again.getOutputStream()) {
            int at = next.awaitAfter(0, "invoke> ");
            type(keys, UP + "\r");
            at = next.awaitAfter(at, "000008.5.png: \"a fox\" -s 1 -S 5 ");
            next.awaitAfter(at, "invoke> ");
            type(keys, "q\r");
            assertTrue(again.waitFor(1, TimeUnit.MINUTES), next::text);
        } finally {
            again.destroyForcibly();
        }
        assertEquals(0, again.exitValue(), next.text());
    }
}
