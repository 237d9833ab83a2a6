package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code !replay FILE}: the file's lines as {@code --from_file} runs them, then back to the prompt. */
class ReplayTest {
    @TempDir
    Path work;
    private Path outdir;
    private Invoker invoker;

    @BeforeEach
    void setUp() throws Exception {
        outdir = Files.createDirectories(work.resolve("out"));
        invoker = mock(Invoker.class);
        when(invoker.commandFile()).thenReturn(Optional.empty());
        when(invoker.outputDirectory()).thenReturn(outdir);
        when(invoker.parse(anyString())).thenAnswer(i -> GenerationRequest.builder().prompt(i.getArgument(0)).build());
        when(invoker.parse("cat -s x")).thenThrow(new CommandException("argument -s/--steps: invalid int value: 'x'"));
        when(invoker.generate(any(), any())).thenReturn(List.of());
    }

    private Path file(String name, String lines) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, lines);
        return file;
    }

    private String run(String input) {
        PipedRepl.Result result = PipedRepl.run(invoker, input);
        assertEquals(0, result.status(), result.out());
        return result.out();
    }

    @Test
    void theFileRunsAsFromFileDoesThenThePromptComesBack() throws Exception {
        Path batch = file("batch.txt", "# two cats\n  a cat -s 5  \n\n// and a mistake\ncat -s x\na dog\n");
        String out = run("!replay " + batch + "\nafter\n");
        assertTrue(out.contains("invoke> ## two cats\n#a cat -s 5\n"), out);
        assertTrue(out.contains("#// and a mistake\n#cat -s x\n** line 5: argument -s/--steps: invalid int value: 'x'\n"
                + "#a dog\n"), out);
        verify(invoker).parse("a cat -s 5");
        verify(invoker).parse("a dog");
        // at its end the prompt is back
        assertTrue(out.contains("\ninvoke> Outputs:"), out);
        verify(invoker).parse("after");
    }

    @Test
    void theReplayedCommandsGoIntoTheHistoryAfterTheReplayItself() throws Exception {
        Path batch = file("batch.txt", "a cat\n# not this\na dog\n");
        run("!replay " + batch + "\n");
        assertEquals(List.of("!replay " + batch, "a cat", "a dog"), Files.readAllLines(outdir.resolve(".invoke_history")));
    }

    @Test
    void aBareNameIsAlsoLookedForInTheOutputFolder() throws Exception {
        Files.writeString(outdir.resolve("cmds-in-outdir.txt"), "a cat\n");
        run("!replay cmds-in-outdir.txt\n");
        verify(invoker).parse("a cat");
    }

    @Test
    void aQuitWordEndsTheReplayNotTheSession() throws Exception {
        Path batch = file("batch.txt", "a cat\nq\na dog\n");
        String out = run("!replay " + batch + "\nafter\n");
        verify(invoker).parse("a cat");
        verify(invoker, never()).parse("a dog");
        verify(invoker).parse("after");
        assertTrue(out.endsWith("goodbye!\n"), out);
    }

    @Test
    void aMissingFileNoFileAndAFolderAreOneLineEach() throws Exception {
        String out = run("!replay nosuch.txt\n!replay\n!replay " + work + "\nafter\n");
        assertTrue(out.contains("** !replay nosuch.txt: no such file\n"), out);
        assertTrue(out.contains("** !replay needs a file of commands\n"), out);
        assertTrue(out.contains("** !replay " + work + ": is a folder, not a file of commands\n"), out);
        verify(invoker).parse("after");
    }

    @Test
    void textThatIsNoFileNameIsOneLine() {
        String out = run("!replay a\u0000b\n");
        assertTrue(out.contains("** !replay a\u0000b: not a file name (Nul character not allowed)\n"), out);
    }

    @Test
    void aFileThatCannotBeReadIsOneLine() throws Exception {
        Path loop = work.resolve("loop.txt");
        Files.createSymbolicLink(loop, loop);
        String out = run("!replay " + loop + "\n");
        assertTrue(out.contains("** !replay " + loop + ": could not be read (FileSystemException: "), out);
        assertEquals(1, out.lines().filter(line -> line.contains("**")).count(), out);
    }

    @Test
    void aFileThatReplaysItselfIsRefusedAndOthersNestWithTheirOwnLineNumbers() throws Exception {
        Path inner = file("inner.txt", "a dog\ncat -s x\n");
        Path outer = file("outer.txt", "a cat\n!replay " + work.resolve("./outer.txt") + "\n!replay " + inner
                + "\ncat -s x\n");
        String out = run("!replay " + outer + "\n");
        assertTrue(out.contains("** line 2: !replay " + work.resolve("./outer.txt")
                + ": that file is running already; replaying it again would never end\n"), out);
        assertTrue(out.contains("#!replay " + inner + "\n#a dog\nOutputs:\n\n#cat -s x\n** line 2: argument -s/--steps"), out);
        // back in the outer file, its own numbers
        assertTrue(out.contains("** line 4: argument -s/--steps"), out);
        verify(invoker).parse("a cat");
        verify(invoker).parse("a dog");
    }

    @Test
    void inFromFileItRefusesThatFileAndItsFailuresSetTheExitStatus() throws Exception {
        Path batch = work.resolve("batch.txt");
        Path inner = file("inner.txt", "cat -s x\n");
        file("batch.txt", "!replay " + batch + "\n!replay " + inner + "\na cat\n");
        when(invoker.commandFile()).thenReturn(Optional.of(batch.toString()));
        PipedRepl.Result result = PipedRepl.run(invoker, "");
        assertTrue(result.out().contains("** line 1: !replay " + batch + ": that file is running already"),
                result.out());
        assertTrue(result.out().contains("#cat -s x\n** line 1: argument -s/--steps"), result.out());
        verify(invoker).parse("a cat");
        assertEquals(1, result.status());
    }

    @Test
    void aRecalledReplayRunsTheFileAgain() throws Exception {
        Path batch = file("batch.txt", "a cat\n");
        run("!replay " + batch + "\n!1\n");
        verify(invoker, times(2)).parse("a cat");
    }

    @Test
    void ctrlCDuringAReplayedJobCancelsItAndStopsTheRestOfTheFile() throws Exception {
        Path batch = file("batch.txt", "a cat\na dog\n");
        String out = runAtTerminal(List.of("!replay " + batch, "after"), 1);
        verify(invoker).parse("a cat");
        verify(invoker, never()).parse("a dog");
        verify(invoker).parse("after");
        assertTrue(out.contains("#a cat\nOutputs:\n\n>> !replay " + batch
                + " stopped at line 1 (Ctrl-C); the rest of the file was not run\n"), out);
    }

    @Test
    void ctrlCAtThePromptsOwnJobsStopsNothingElse() {
        runAtTerminal(List.of("a cat", "a dog"), 1);
        verify(invoker).parse("a dog");
    }

    /**
     * Runs the lines as typed at a terminal where the user presses Ctrl-C during job number {@code interrupted}
     * (from 1).
     */
    private String runAtTerminal(List<String> typed, int interrupted) {
        Deque<String> lines = new ArrayDeque<>(typed);
        LineSource terminal = new LineSource() {
            private int jobs;

            @Override
            public String readLine() {
                return lines.poll();
            }

            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public void whileRunning(Runnable onInterrupt, Runnable job) {
                if (++jobs == interrupted) {
                    onInterrupt.run();
                }
                job.run();
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CommandHistory history = CommandHistory.load(outdir, out::println);
        assertEquals(0, new ReplSession(invoker, terminal, history, out, out).run());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\tat "), text);
        return text;
    }
}
