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
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code !fetch GLOB OUTFILE}: the commands of many images, written to a file that {@code !replay} runs. */
class FetchToFileTest {
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
        when(invoker.generate(any(), any())).thenReturn(List.of());
        // the image's name and seed give its command; an image named plain-* carries none
        when(invoker.fetchCommand(anyString())).thenAnswer(i -> {
            String name = Path.of((String) i.getArgument(0)).getFileName().toString();
            if (name.startsWith("plain")) {
                throw new CommandException(i.getArgument(0) + ": file has no metadata");
            }
            return "\"" + name + "\" -s 5 -S " + name.split("\\.")[1];
        });
        for (String name : List.of("000002.7.png", "000001.42.png", "000003.9.png", ".000004.1.png", "plain.png")) {
            Files.createFile(outdir.resolve(name));
        }
    }

    private PipedRepl.Result run(String input) {
        return PipedRepl.run(invoker, input);
    }

    @Test
    void writesEachMatchingImagesPathAndCommandInNameOrderToTheOutputFolder() throws Exception {
        String out = run("!fetch 0*.png cmds.txt\n").out();
        Path written = outdir.resolve("cmds.txt");
        assertTrue(out.contains(">> File " + written + " with commands created\n"), out);
        assertEquals("# " + outdir.resolve("000001.42.png") + "\n\"000001.42.png\" -s 5 -S 42\n"
                + "# " + outdir.resolve("000002.7.png") + "\n\"000002.7.png\" -s 5 -S 7\n"
                + "# " + outdir.resolve("000003.9.png") + "\n\"000003.9.png\" -s 5 -S 9\n",
                Files.readString(written));
    }

    @Test
    void theWrittenFileReplaysEveryCommand() {
        String out = run("!fetch *.png cmds.txt\n!replay cmds.txt\n").out();
        assertTrue(out.contains("#\"000001.42.png\" -s 5 -S 42\n"), out);
        verify(invoker).parse("\"000001.42.png\" -s 5 -S 42");
        verify(invoker).parse("\"000002.7.png\" -s 5 -S 7");
        verify(invoker).parse("\"000003.9.png\" -s 5 -S 9");
    }

    @Test
    void anImageWithoutACommandIsSkippedWithALineAndTheCommandDoesNotFail() throws Exception {
        Path batch = work.resolve("batch.txt");
        Files.writeString(batch, "!fetch *.png cmds.txt\n");
        when(invoker.commandFile()).thenReturn(Optional.of(batch.toString()));
        PipedRepl.Result result = run("");
        assertTrue(result.out().contains("## line 1: " + outdir.resolve("plain.png")
                + ": file has no metadata; skipped\n"), result.out());
        assertFalse(Files.readString(outdir.resolve("cmds.txt")).contains("plain"));
        assertEquals(0, result.status(), result.out());
    }

    @Test
    void hiddenFilesMatchOnlyAPatternThatStartsWithADot() throws Exception {
        run("!fetch * all.txt\n!fetch .0* hidden.txt\n");
        assertFalse(Files.readString(outdir.resolve("all.txt")).contains(".000004"));
        assertTrue(Files.readString(outdir.resolve("hidden.txt")).contains(".000004.1.png"));
    }

    @Test
    void aPatternWithAFolderAndAnOutfileWithAFolderAreTakenAsTyped() throws Exception {
        Path pictures = Files.createDirectories(work.resolve("pictures"));
        Files.createFile(pictures.resolve("000009.5.png"));
        Path target = work.resolve("lists/cmds.txt");
        String out = run("!fetch " + pictures + "/*.png " + target + "\n").out();
        assertTrue(out.contains(">> File " + target + " with commands created\n"), out);
        assertEquals("# " + pictures.resolve("000009.5.png") + "\n\"000009.5.png\" -s 5 -S 5\n",
                Files.readString(target));
    }

    @Test
    void noMatchNoCommandABadPatternAndAnUnwritableFileAreOneLineEach() throws Exception {
        Files.createFile(work.resolve("afile"));
        PipedRepl.Result result = run("!fetch *.jpg cmds.txt\n!fetch plain* cmds.txt\n!fetch [a cmds.txt\n"
                + "!fetch *.png " + work.resolve("afile/cmds.txt") + "\n");
        String out = result.out();
        assertTrue(out.contains("## *.jpg: no file matches; " + outdir.resolve("cmds.txt") + " not written\n"), out);
        assertTrue(out.contains("## plain*: none of the 1 matching files has a stored command; "
                + outdir.resolve("cmds.txt") + " not written\n"), out);
        assertTrue(out.contains("## \"[a\": unacceptable pattern\n"), out);
        assertTrue(out.contains("** " + work.resolve("afile/cmds.txt") + ": could not be written ("), out);
        assertFalse(Files.exists(outdir.resolve("cmds.txt")));
        assertEquals(0, result.status());
    }

    @Test
    void anOutfileThatIsNoFileNameIsOneLine() {
        String out = run("!fetch *.png cmds\u0000.txt\n").out();
        assertTrue(out.contains("** cmds\u0000.txt: not a file name (Nul character not allowed)\n"), out);
    }

    @Test
    void aFolderThatCannotBeListedIsOneLine() throws Exception {
        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.createFile(locked.resolve("000001.1.png"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "the folder can be read all the same (root)");
            String out = run("!fetch " + locked + "/*.png cmds.txt\n").out();
            assertTrue(out.contains("## " + locked + "/*.png: its folder could not be read (AccessDeniedException: "),
                    out);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void oneFileIsStillFetchedAsBeforeEvenWithASpaceInItsName() throws Exception {
        Files.createFile(outdir.resolve("my cat.5.png"));
        String out = run("!fetch my cat.5.png\n!fetch 000001.42.png\n").out();
        assertTrue(out.contains("# \"my cat.5.png\" -s 5 -S 5\n"), out);
        assertTrue(out.contains("# \"000001.42.png\" -s 5 -S 42\n"), out);
        verify(invoker).fetchCommand("my cat.5.png");
        verify(invoker, never()).fetchCommand(outdir.resolve("my cat.5.png").toString());
    }
}
