package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Invoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplFrontEndTest {
    @TempDir
    Path outdir;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Invoker invoker;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.commandFile()).thenReturn(Optional.empty());
        when(invoker.outputDirectory()).thenReturn(outdir);
        when(invoker.parse(anyString())).thenAnswer(i -> GenerationRequest.builder().prompt(i.getArgument(0)).build());
    }

    private String run(String input) {
        ReplFrontEnd repl = new ReplFrontEnd(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
        assertEquals(0, repl.run(invoker));
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private static GeneratedImage image(String name, long seed) {
        return new GeneratedImage(Path.of("out", name), seed, "\"cat\" -S " + seed);
    }

    @Test
    void printsTheOutputsBlockNumberingCommandsAndTheirImages() {
        when(invoker.generate(any(), any()))
                .thenReturn(List.of(image("000001.1.png", 1)))
                .thenReturn(List.of(image("000002.2.png", 2), image("000002.3.png", 3)));
        String out = run("cat\ncat -n 2\n");
        assertTrue(out.contains("Outputs:\n[1] out/000001.1.png: \"cat\" -S 1\n\n"), out);
        assertTrue(out.contains("Outputs:\n[2.1] out/000002.2.png: \"cat\" -S 2\n[2.2] out/000002.3.png: \"cat\" -S 3\n\n"), out);
    }

    @Test
    void aCommandWithoutImagesDoesNotAdvanceTheCounter() {
        when(invoker.generate(any(), any())).thenReturn(List.of()).thenReturn(List.of(image("000001.1.png", 1)));
        String out = run("cat\ncat\n");
        assertTrue(out.contains("Outputs:\n\n"), out);
        assertTrue(out.contains("[1] out/000001.1.png"), out);
    }

    @Test
    void aBadCommandPrintsOneLineAndTheLoopGoesOn() {
        when(invoker.parse("cat -s x")).thenThrow(new CommandException("argument -s/--steps: invalid int value: 'x'"));
        when(invoker.generate(any(), any())).thenReturn(List.of(image("000001.1.png", 1)));
        String out = run("cat -s x\ncat\n");
        assertTrue(out.contains("** argument -s/--steps: invalid int value: 'x'\n"), out);
        assertTrue(out.contains("[1] out/000001.1.png"), out);
    }

    @Test
    void aFailedGenerationPrintsOneLineAndTheLoopGoesOn() {
        when(invoker.generate(any(), any()))
                .thenThrow(new InferenceException("unet: ONNX Runtime failed\nwith details"))
                .thenReturn(List.of(image("000001.1.png", 1)));
        String out = run("cat\ncat\n");
        assertTrue(out.contains("** Could not generate image: unet: ONNX Runtime failed\n"), out);
        assertFalse(out.contains("with details"), out);
        assertTrue(out.contains("[1] out/000001.1.png"), out);
    }

    @Test
    void helpShowsTheInvokersHelpTextThenTheBangCommands() {
        when(invoker.parse("-h")).thenThrow(CommandException.helpRequested());
        when(invoker.helpText()).thenReturn("usage: invoke> [-h] prompt ...");
        String out = run("-h\n");
        assertTrue(out.contains("usage: invoke> [-h] prompt ...\nCommands that begin with !:\n"), out);
        for (String command : List.of("!fetch FILE", "!fetch GLOB OUTFILE", "!fix FILE SWITCHES", "!history", "!NNN",
                "!search TEXT", "!clear", "!models", "!switch NAME", "!replay FILE", "!import_model FOLDER",
                "!edit_model NAME", "!del_model NAME")) {
            assertTrue(out.contains("\n  " + command + " "), command);
        }
        assertTrue(out.contains("it with -D (outpaint) or -c (outcrop)\n"), out);
    }

    @Test
    void anUnknownBangWordIsOneLineNamingTheCommands() {
        String out = run("!hisotry\n");
        assertTrue(out.contains("** !hisotry: unknown command; the ! commands are !fetch !fix !history !search "
                + "!clear !models !switch !replay !import_model !edit_model !del_model !NNN (-h for help)\n"), out);
        verify(invoker, never()).parse(anyString());
    }

    @Test
    void invokeDreamAndFixLinesGoToTheInvoker() {
        when(invoker.generate(any(), any())).thenReturn(List.of());
        run("!invoke a cat\n!dream a dog\n!fix 000001.42.png -G 0.8\n");
        verify(invoker).parse("!invoke a cat");
        verify(invoker).parse("!dream a dog");
        verify(invoker).parse("!fix 000001.42.png -G 0.8");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndQuitWordsLeave() {
        for (String quit : List.of("q", "quit", "exit")) {
            setUp();
            String out = run("# comment\n// comment\n   \n" + quit + "\ncat\n");
            verify(invoker, never()).generate(any(), any());
            verify(invoker, never()).parse(anyString());
            assertTrue(out.endsWith("goodbye!\n"), out);
        }
    }

    @Test
    void commandFileLinesAreEchoedAndTheBannerIsSkipped() {
        when(invoker.commandFile()).thenReturn(Optional.of("-"));
        when(invoker.generate(any(), any())).thenReturn(List.of());
        String out = run("cat -s 5\n# note\n");
        assertTrue(out.contains("#cat -s 5\n"), out);
        assertTrue(out.contains("## note\n"), out);
        assertFalse(out.contains("Initialization done"), out);
        assertFalse(out.contains("invoke> "), out);
    }

    @Test
    void pipedInputShowsThePromptAndTheBanner() {
        String out = run("");
        assertTrue(out.contains("* Initialization done! Awaiting your command (-h for help, 'q' to quit)"), out);
        assertTrue(out.contains("invoke> "), out);
    }

    @Test
    void fetchPrintsTheStoredCommandWhenTheLineCannotBePrefilled() {
        when(invoker.fetchCommand("000001.42.png")).thenReturn("\"cat\" -s 50 -S 42");
        when(invoker.fetchCommand("nope.png")).thenThrow(new CommandException("nope.png: file could not be read"));
        String out = run("!fetch 000001.42.png\n!fetch nope.png\n!fetch\n");
        assertTrue(out.contains("# \"cat\" -s 50 -S 42\n"), out);
        assertTrue(out.contains("## nope.png: file could not be read\n"), out);
        assertTrue(out.contains("** !fetch needs an image file\n"), out);
        verify(invoker, never()).generate(any(), any());
    }

    @Test
    void fixIsParsedAndRunByTheInvokerWithAnOutputsBlock() {
        GenerationRequest fix = GenerationRequest.builder().prompt("000001.42.png").fix(true).build();
        when(invoker.parse("!fix 000001.42.png -U 2")).thenReturn(fix);
        when(invoker.generate(org.mockito.ArgumentMatchers.eq(fix), any()))
                .thenReturn(List.of(new GeneratedImage(Path.of("out", "000001.42.upscale.png"), 42,
                        "!fix \"out/000001.42.png\" -S 42 -U 2.0 0.75")));
        String out = run("!fix 000001.42.png -U 2\n");
        assertTrue(out.contains("Outputs:\n[1] out/000001.42.upscale.png: !fix \"out/000001.42.png\" -S 42 -U 2.0 0.75\n"),
                out);
    }

    @Test
    void aFailingInputIsOneLineAndANonZeroStatus() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Input/output error");
            }
        };
        ReplFrontEnd repl = new ReplFrontEnd(broken, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
        assertEquals(1, repl.run(invoker));
        assertEquals("** Could not read the next command (java.io.IOException: Input/output error)\n",
                stderr.toString(StandardCharsets.UTF_8));
    }
}
