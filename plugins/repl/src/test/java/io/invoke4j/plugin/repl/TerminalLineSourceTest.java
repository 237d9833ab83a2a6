package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.Invoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line editing, recall and completion as JLine gives them, on a terminal whose keys JLine reads from a stream
 * (an xterm's, as the escape sequences say). The built program on a real pty is {@code TerminalIT}'s.
 */
class TerminalLineSourceTest {
    /* Arrows as an xterm sends them once JLine has switched it to keypad-transmit mode (smkx) */
    private static final String UP = "\033OA";
    private static final String CTRL_A = "\001";
    private static final String CTRL_E = "\005";
    private static final String CTRL_K = "\013";
    private static final String CTRL_P = "\020";
    private static final String CTRL_Y = "\031";
    private static final String LEFT = "\033OD";
    private static final String CTRL_D = "\004";

    /** Keys typed ahead, then a keyboard nobody touches until the terminal is closed. */
    private static final class Keyboard extends InputStream {
        private final ByteArrayInputStream typed;
        private boolean closed;

        Keyboard(String keys) {
            typed = new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized int read() throws IOException {
            int b = typed.read();
            while (b < 0 && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return b;
        }

        /** What is typed ahead, at once: JLine reads in blocks and must not wait for a full one. */
        @Override
        public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            buffer[offset] = (byte) first;
            return 1 + Math.max(0, typed.read(buffer, offset + 1, Math.min(length - 1, typed.available())));
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    @TempDir
    Path outdir;
    private Invoker invoker;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.switchNames()).thenReturn(List.of("-s", "--steps", "-S", "--seed", "-A", "--sampler"));
        when(invoker.samplerNames()).thenReturn(List.of("k_euler", "k_euler_a", "k_lms"));
        when(invoker.outputDirectory()).thenReturn(outdir);
    }

    /**
     * Every line the source returns for {@code keys}, then Ctrl-D. The keys stay pending, as a person's would:
     * the stream then waits rather than ending, since JLine drops what it has not read yet at the end of a stream.
     */
    private List<String> lines(List<String> recorded, String keys, Consumer<TerminalLineSource> before)
            throws IOException {
        // JLine's own line discipline over the streams: a pty would apply the kernel's cooked mode to keys typed
        // ahead between two lines
        Terminal terminal = new ExternalTerminal("test", "xterm", new Keyboard(keys + CTRL_D),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        Attributes attributes = terminal.getAttributes();
        attributes.setControlChar(Attributes.ControlChar.VEOF, 4); // Ctrl-D, as a tty has it
        terminal.setAttributes(attributes);
        List<String> lines = new ArrayList<>();
        try (TerminalLineSource source = new TerminalLineSource(terminal, "invoke> ", new InvokeCompleter(invoker),
                recorded)) {
            before.accept(source);
            for (String line; (line = source.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<String> lines(List<String> recorded, String keys) throws IOException {
        return lines(recorded, keys, source -> { });
    }

    @Test
    void aQuestionOffersItsAnswerReadyToEditAndIsNotOfferedForRecall() throws IOException {
        List<String> answers = new ArrayList<>();
        List<String> lines = lines(List.of("a cat"), "\r" + CTRL_A + "x" + "\r" + UP + "\r" + "\r", source -> {
            answers.add(source.ask("width: ", "512"));
            answers.add(source.ask("Short name for this model: ", "tiny"));
        });
        assertEquals(List.of("512", "xtiny"), answers);
        assertEquals(List.of("a cat", ""), lines, "Up recalls the command, not the answers");
    }

    @Test
    void ctrlDAtAQuestionIsNoAnswer() throws IOException {
        List<String> answers = new ArrayList<>();
        lines(List.of(), CTRL_D, source -> answers.add(source.ask("width: ", "")));
        assertEquals(java.util.Collections.singletonList(null), answers);
    }

    @Test
    void upAndCtrlPRecallTheRecordedCommands() throws IOException {
        assertEquals(List.of("a dog -s 5", "a cat -s 3"),
                lines(List.of("a cat -s 3", "a dog -s 5"), UP + "\r" + CTRL_P + CTRL_P + "\r"));
    }

    @Test
    void aCommandRecordedTwiceIsRecalledTwiceAsReadlineDoes() throws IOException {
        assertEquals(List.of("a cat"), lines(List.of("a dog", "a cat", "a cat"), UP + UP + "\r"));
    }

    @Test
    void onlyWhatTheSessionRemembersIsRecalledAndForgettingEmptiesIt() throws IOException {
        // JLine does not record accepted lines itself: !history stays out, a remembered line is in
        assertEquals(List.of("!history", "a cat"), lines(List.of(), "!history\r" + UP + "\r", source -> source.remember("a cat")));
        assertEquals(List.of(""), lines(List.of("a cat"), UP + "\r", TerminalLineSource::forgetHistory));
    }

    @Test
    void emacsKeysMoveKillAndYank() throws IOException {
        assertEquals(List.of("hello world!", "dog cat -s 5", "a cat -s 5"), lines(List.of(),
                "world" + CTRL_A + "hello " + CTRL_E + "!\r"
                        + "cat -s 5" + CTRL_A + CTRL_K + "dog " + CTRL_Y + "\r"
                        + "a cat -s" + LEFT + LEFT + LEFT + CTRL_K + " -s 5\r"));
    }

    @Test
    void tabCompletesSwitchesAndSamplers() throws IOException {
        assertEquals(List.of("a cat --steps 5", "a cat -A k_lms ", "a cat -A k_euler"),
                lines(List.of(), "a cat --ste\t5\ra cat -A k_l\t\ra cat -A k_eu\t\r"));
    }

    @Test
    void bangAndBackslashReachTheSessionAsTyped() throws IOException {
        assertEquals(List.of("!1", "!fetch x.png", "\"a \\\"quoted\\\" cat\" -s 5"),
                lines(List.of("a cat"), "!1\r!fetch x.png\r\"a \\\"quoted\\\" cat\" -s 5\r"));
    }

    @Test
    void aPrefilledLineIsReadyToEdit() throws IOException {
        assertEquals(List.of("\"cat\" -s 50 -n 2"), lines(List.of(), CTRL_E + " -n 2\r",
                source -> source.prefill("\"cat\" -s 50")));
    }

    @Test
    void ctrlDEndsTheSource() throws IOException {
        assertEquals(List.of("a cat"), lines(List.of(), "a cat\r"));
    }
}
