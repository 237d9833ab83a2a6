package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ConsoleProgress progress(boolean redraw) {
        return new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), redraw);
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceWithRateAndEta() {
        ConsoleProgress p = progress(true);
        p.imageStarted(0, 1, 42, 4);
        for (int step = 1; step <= 4; step++) {
            p.stepDone(step, 4);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(4, text.chars().filter(c -> c == '\r').count(), text);
        assertTrue(text.contains(" 4/4 [") && text.contains("it/s]"), text);
        assertTrue(text.endsWith("\n"), text);
    }

    @Test
    void aPipeGetsAFewPlainLinesWithoutEscapes() {
        ConsoleProgress p = progress(false);
        p.imageStarted(1, 3, 42, 20);
        for (int step = 1; step <= 20; step++) {
            p.stepDone(step, 20);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r") || text.contains("\u001b"), text);
        assertEquals(4, text.lines().count(), text);
        assertTrue(text.contains("image 2/3: step 20/20, "), text);
        assertTrue(text.contains("ETA"), text);
    }

    @Test
    void ctrlCAsksTheJobToStop() {
        ConsoleProgress p = progress(false);
        assertFalse(p.cancelRequested());
        p.requestCancel();
        assertTrue(p.cancelRequested());
        assertTrue(p.cancelRequested());
    }

    @Test
    void messagesGoToStandardOutput() {
        progress(false).message(">> Usage stats:");
        assertEquals(">> Usage stats:\n", out.toString(StandardCharsets.UTF_8));
    }
}
