package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Invoker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --from_file}: every line as at {@code invoke>}; bad lines named by number; the exit status tells. */
class FromFileTest {
    @TempDir
    Path work;
    private Invoker invoker;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.outputDirectory()).thenReturn(work.resolve("out"));
        when(invoker.parse(anyString())).thenAnswer(i -> GenerationRequest.builder().prompt(i.getArgument(0)).build());
        when(invoker.generate(any(), any())).thenReturn(List.of());
    }

    private PipedRepl.Result runFile(String lines) throws Exception {
        Path file = work.resolve("commands.txt");
        Files.writeString(file, lines);
        when(invoker.commandFile()).thenReturn(Optional.of(file.toString()));
        return PipedRepl.run(invoker, "");
    }

    @Test
    void badLinesAreReportedWithTheirNumberTheRestRunsAndTheStatusIsOne() throws Exception {
        when(invoker.parse("cat -s x")).thenThrow(new CommandException("argument -s/--steps: invalid int value: 'x'"));
        when(invoker.generate(any(), any())).thenReturn(List.of())
                .thenThrow(new InferenceException("unet failed"))
                .thenReturn(List.of());
        PipedRepl.Result result = runFile("# a batch\na cat\n\ncat -s x\nboom\n!nosuch\n!fetch\na dog\n");
        String out = result.out();
        assertEquals(1, result.status(), out);
        assertTrue(out.contains("#cat -s x\n** line 4: argument -s/--steps: invalid int value: 'x'\n"), out);
        assertTrue(out.contains("#boom\n** line 5: Could not generate image: unet failed\n"), out);
        assertTrue(out.contains("#!nosuch\n** line 6: !nosuch: unknown command"), out);
        assertTrue(out.contains("#!fetch\n** line 7: !fetch needs an image file\n"), out);
        verify(invoker).parse("a dog");
    }

    @Test
    void aFileWhoseLinesAllRunEndsWithStatusZero() throws Exception {
        when(invoker.parse("-h")).thenThrow(CommandException.helpRequested());
        when(invoker.helpText()).thenReturn("usage: invoke> [-h] prompt");
        PipedRepl.Result result = runFile("a cat\n// a comment\n-h\n");
        assertTrue(result.out().contains("usage: invoke> [-h] prompt\n"), result.out());
        assertEquals(0, result.status(), result.out());
        assertFalse(result.out().contains("** "), result.out());
    }

    @Test
    void bangCommandsRunFromTheFile() throws Exception {
        when(invoker.fetchCommand("000001.42.png")).thenReturn("\"cat\" -s 5 -S 42");
        when(invoker.fetchCommand("gone.png")).thenThrow(new CommandException("gone.png: file could not be read"));
        PipedRepl.Result result = runFile("a cat\n!history\n!fetch 000001.42.png\n!fetch gone.png\n!1\n");
        String out = result.out();
        assertTrue(out.contains("#!history\n[1] a cat\n"), out);
        assertTrue(out.contains("#!fetch 000001.42.png\n# \"cat\" -s 5 -S 42\n"), out);
        assertTrue(out.contains("## line 4: gone.png: file could not be read\n"), out);
        // !1 shows the command it runs the way the file's own lines are shown
        assertTrue(out.contains("#!1\n#a cat\n"), out);
        verify(invoker, times(2)).parse("a cat");
        assertEquals(1, result.status());
    }

    @Test
    void aQuitWordEndsTheFile() throws Exception {
        PipedRepl.Result result = runFile("a cat\nq\na dog\n");
        verify(invoker, times(1)).parse(anyString());
        assertEquals(0, result.status());
    }

    @Test
    void aFileThatCannotBeOpenedIsOneLine() throws Exception {
        // bin/invoke checks that the file exists before it starts; it may be gone by the time the REPL opens it
        Path gone = work.resolve("gone.txt");
        when(invoker.commandFile()).thenReturn(Optional.of(gone.toString()));
        PipedRepl.Result result = PipedRepl.run(invoker, "");
        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("** " + gone + ": could not be read ("), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }
}
