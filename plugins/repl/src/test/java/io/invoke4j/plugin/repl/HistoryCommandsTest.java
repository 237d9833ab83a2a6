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
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code !history}, {@code !search}, {@code !NNN} and {@code !clear}, and the history file behind them. */
class HistoryCommandsTest {
    @TempDir
    Path outdir;
    private Invoker invoker;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.commandFile()).thenReturn(Optional.empty());
        when(invoker.outputDirectory()).thenReturn(outdir);
        when(invoker.parse(anyString())).thenAnswer(i -> GenerationRequest.builder().prompt(i.getArgument(0)).build());
        when(invoker.generate(any(), any())).thenReturn(List.of());
    }

    private String run(String input) {
        PipedRepl.Result result = PipedRepl.run(invoker, input);
        assertEquals(0, result.status(), result.out());
        return result.out();
    }

    private List<String> historyFile() throws Exception {
        return Files.readAllLines(outdir.resolve(".invoke_history"));
    }

    @Test
    void historyListsEveryCommandNumberedFromOneButNotItself() {
        String out = run("a cat -s 5\n# a comment\n\na dog\n!history\n");
        assertTrue(out.contains("[1] a cat -s 5\n[2] a dog\n"), out);
        assertFalse(out.contains("[3]"), out);
    }

    @Test
    void anEmptyHistorySaysSo() {
        assertTrue(run("!history\n").contains("<empty history>\n"));
        assertTrue(run("!search cat\n").contains("<empty history>\n"));
    }

    @Test
    void searchListsTheCommandsContainingTheTextWithTheirNumbers() {
        String out = run("happy woman under a tree\nsurrealist painting of a woman\nwatercolor of a Surreal tree\n"
                + "!search surreal\n");
        assertTrue(out.contains("[2] surrealist painting of a woman\n"), out);
        assertFalse(out.contains("[1] happy"), out);
        assertFalse(out.contains("[3] watercolor"), "the search is case-sensitive, as InvokeAI's");
        assertTrue(run("!search\n").contains("** !search needs the text to look for\n"));
    }

    @Test
    void aNumberShowsTheCommandAfterThePromptThenRunsIt() {
        String out = run("a cat -s 5\na dog\n!1\n!history\n");
        verify(invoker, times(2)).parse("a cat -s 5");
        assertTrue(out.contains("invoke> a cat -s 5\n"), out);
        // the command that ran is recorded, not !1
        assertTrue(out.contains("[3] a cat -s 5\n"), out);
        assertFalse(out.contains("!1\n"), out);
    }

    @Test
    void aNumberOutsideTheHistoryIsOneLine() {
        String out = run("!4\na cat\n!0\n!2\n");
        assertTrue(out.contains("** !4: no such command in the history (it is empty)\n"), out);
        assertTrue(out.contains("** !0: no such command in the history (1 to 1)\n"), out);
        assertTrue(out.contains("** !2: no such command in the history (1 to 1)\n"), out);
        verify(invoker, times(1)).parse(anyString());
    }

    @Test
    void aNumberThatNamesAnotherNumberIsRefused() throws Exception {
        // InvokeAI 2.2 wrote !NNN lines into the shared history file
        Files.writeString(outdir.resolve(".invoke_history"), "a cat\n!1\n");
        String out = run("!2\n");
        assertTrue(out.contains("** !2: command 2 is itself a history reference (!1)\n"), out);
        verify(invoker, never()).parse(anyString());
    }

    @Test
    void aRecalledBangCommandRunsAsTyped() {
        when(invoker.fetchCommand("x.png")).thenReturn("\"cat\" -s 5");
        String out = run("!fetch x.png\n!1\n");
        assertEquals(2, out.split("# \"cat\" -s 5\n", -1).length - 1, out);
    }

    @Test
    void clearEmptiesTheHistoryInMemoryAndOnDisk() throws Exception {
        String out = run("a cat\na dog\n!clear\n!history\n");
        assertTrue(out.contains("<empty history>\n"), out);
        assertEquals(List.of(), historyFile());
        assertTrue(run("!history\n").contains("<empty history>\n"), "the next session starts empty too");
        assertTrue(run("!clear now\n").contains("** !clear takes no argument\n"));
    }

    @Test
    void theHistoryFileIsInvokeAisReadlineFormatAndLastsAcrossSessions() throws Exception {
        run("a cat -s 5\n!switch other\n!search cat\nbad -s x\n");
        // one command per line, as typed, no timestamps; bad lines too, so they can be recalled and fixed;
        // not the listings
        assertEquals(List.of("a cat -s 5", "!switch other", "bad -s x"), historyFile());
        String out = run("!history\n!1\n");
        assertTrue(out.contains("[1] a cat -s 5\n[2] !switch other\n[3] bad -s x\n"), out);
        assertEquals(List.of("a cat -s 5", "!switch other", "bad -s x", "a cat -s 5"), historyFile());
    }

    @Test
    void quitWordsAreNotRecorded() throws Exception {
        run("a cat\nq\n");
        assertEquals(List.of("a cat"), historyFile());
    }

    @Test
    void theOutputsCounterStartsAfterTheHistoryAsInvokeAis() throws Exception {
        Files.writeString(outdir.resolve(".invoke_history"), "one\ntwo\n");
        when(invoker.generate(any(), any())).thenReturn(
                List.of(new GeneratedImage(Path.of("out", "000001.1.png"), 1, "\"cat\" -S 1")));
        assertTrue(run("cat\n").contains("[3] out/000001.1.png"));
    }

    @Test
    void aParseErrorIsRecordedAndReportedInOneLine() throws Exception {
        when(invoker.parse("cat -s x")).thenThrow(new CommandException("argument -s/--steps: invalid int value: 'x'"));
        String out = run("cat -s x\n");
        assertTrue(out.contains("** argument -s/--steps: invalid int value: 'x'\n"), out);
        assertEquals(List.of("cat -s x"), historyFile());
    }
}
