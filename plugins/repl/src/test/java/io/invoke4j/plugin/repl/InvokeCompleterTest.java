package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers where, over the words JLine's parser makes of the line up to the cursor. */
class InvokeCompleterTest {
    @TempDir
    Path work;
    private InvokeCompleter completer;

    @BeforeEach
    void setUp() throws Exception {
        Invoker invoker = mock(Invoker.class);
        when(invoker.switchNames()).thenReturn(List.of("-h", "--help", "-s", "--steps", "-S", "--seed", "-A", "-m",
                "--sampler", "-I", "--init_img", "-M", "--init_mask", "--seamless"));
        when(invoker.samplerNames()).thenReturn(List.of("ddim", "k_euler", "k_euler_a", "k_lms"));
        when(invoker.models()).thenReturn(List.of(new ModelSummary("tiny-sd", "d", ModelSummary.ACTIVE),
                new ModelSummary("stable-diffusion-1.5", "d", ModelSummary.NOT_LOADED)));
        Path outdir = Files.createDirectories(work.resolve("outputs/img-samples"));
        when(invoker.outputDirectory()).thenReturn(outdir);
        Files.createFile(outdir.resolve("000001.42.png"));
        Files.createFile(outdir.resolve("000002.7.png"));
        Files.createFile(outdir.resolve("invoke_log.txt"));
        Path pictures = Files.createDirectories(work.resolve("test-pictures"));
        for (String name : List.of("Lincoln-and-Parrot.png", "zebra.jpg", "madonna.png", "bad-sketch.png",
                "notes.txt", ".hidden.png")) {
            Files.createFile(pictures.resolve(name));
        }
        Files.createDirectories(pictures.resolve("man_with_eagle"));
        Files.createFile(work.resolve("000003.9.png"));
        completer = new InvokeCompleter(invoker, work);
    }

    /** The candidates for the line, the cursor at its end, that start with the word typed (as JLine keeps them). */
    private List<String> complete(String line) {
        Parser parser = TerminalLineSource.commandWords();
        var parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        String word = parsed.word().substring(0, parsed.wordCursor());
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(word)).sorted().toList();
    }

    @Test
    void bangCommandsAtTheStartOfALine() {
        assertEquals(List.of("!fetch", "!fix"), complete("!f"));
        assertEquals(List.of("!clear", "!del_model", "!edit_model", "!fetch", "!fix", "!history", "!import_model",
                "!models", "!replay", "!search", "!switch"), complete("!"));
        assertEquals(List.of("!replay"), complete("!r"));
        assertEquals(List.of(), complete("a cat !f"), "not inside a prompt");
    }

    @Test
    void switchNamesShortAndLong() {
        assertEquals(List.of("--sampler", "--seamless", "--seed", "--steps"), complete("a cat --s"));
        assertEquals(List.of("-S"), complete("a cat -s 5 -S"));
        assertEquals(List.of("--init_img", "--init_mask"), complete("\"a cat\" --init"));
        // an apostrophe in a prompt opens no quote
        assertEquals(List.of("--init_img", "--init_mask"), complete("there's a cat --init"));
        assertEquals(List.of(), complete("a ca"), "prompt words get nothing");
    }

    @Test
    void samplerNamesAfterTheSamplerSwitch() {
        assertEquals(List.of("k_euler", "k_euler_a"), complete("a cat -A k_eu"));
        assertEquals(List.of("ddim", "k_euler", "k_euler_a", "k_lms"), complete("a cat --sampler "));
        assertEquals(List.of("-Ak_lms"), complete("a cat -Ak_l"));
        assertEquals(List.of("--sampler=ddim"), complete("a cat --sampler=d"));
        assertEquals(List.of("k_lms"), complete("a cat -m k_l"));
    }

    @Test
    void modelNamesAfterSwitch() {
        assertEquals(List.of("stable-diffusion-1.5"), complete("!switch st"));
        assertEquals(List.of("stable-diffusion-1.5", "tiny-sd"), complete("!switch "));
    }

    @Test
    void modelNamesAfterEditAndDeleteAndFoldersAfterImport() {
        assertEquals(List.of("stable-diffusion-1.5"), complete("!edit_model st"));
        assertEquals(List.of("stable-diffusion-1.5", "tiny-sd"), complete("!del_model "));
        assertEquals(List.of("outputs/", "test-pictures/"), complete("!import_model "));
        assertEquals(List.of("test-pictures/man_with_eagle/"), complete("!import_model test-pictures/"),
                "folders only, no images");
    }

    @Test
    void imagePathsAfterInitImageSwitchesAndFileCommands() {
        assertEquals(List.of("./test-pictures/zebra.jpg"), complete("a zebra -I ./test-pictures/z"));
        assertEquals(List.of("./test-pictures/madonna.png", "./test-pictures/man_with_eagle/"),
                complete("a zebra -M ./test-pictures/ma"));
        assertEquals(List.of("./test-pictures/zebra.jpg"), complete("a zebra --init_color ./test-pictures/z"));
        assertEquals(List.of("--init_color=./test-pictures/zebra.jpg"),
                complete("a zebra --init_color=./test-pictures/z"));
        assertEquals(List.of("test-pictures/"), complete("!fetch test-p"));
        assertEquals(List.of("test-pictures/bad-sketch.png"), complete("!fix test-pictures/b"));
    }

    @Test
    void theManualsAttachedFormListsTheFolderItNames() {
        // invoke> zebra with a mustache -I./test-pictures<TAB>
        assertEquals(List.of("-I./test-pictures/Lincoln-and-Parrot.png", "-I./test-pictures/bad-sketch.png",
                "-I./test-pictures/madonna.png", "-I./test-pictures/man_with_eagle/", "-I./test-pictures/zebra.jpg"),
                complete("zebra with a mustache -I./test-pictures"));
        assertEquals(List.of("-I./test-pictures/zebra.jpg"), complete("zebra -I./test-pictures/z"));
        assertEquals(List.of("--init_img=./test-pictures/"), complete("zebra --init_img=./test-"));
        assertEquals(List.of("-I"), complete("zebra -I"), "-I alone is still the switch's name");
    }

    @Test
    void aBareNameAlsoCompletesToImagesOfTheOutputFolder() {
        assertEquals(List.of("000001.42.png", "000002.7.png", "000003.9.png"), complete("!fetch 0000"));
        assertEquals(List.of("000001.42.png"), complete("a cat -I 000001"));
        assertFalse(complete("!fetch ").contains("invoke_log.txt"), "only images");
    }

    @Test
    void filesOfAnyKindAfterReplay() {
        assertEquals(List.of("test-pictures/notes.txt"), complete("!replay test-pictures/n"));
        assertEquals(List.of("invoke_log.txt"), complete("!replay inv"), "a bare name: the output folder's too");
        assertEquals(List.of("test-pictures/"), complete("!replay test-p"));
        assertEquals(List.of(), complete("!replay x.txt test-p"), "one file only");
    }

    @Test
    void hiddenAndNonImageFilesAreLeftOut() {
        List<String> all = complete("!fetch test-pictures/");
        assertFalse(all.contains("test-pictures/notes.txt"), all::toString);
        assertFalse(all.contains("test-pictures/.hidden.png"), all::toString);
        assertTrue(all.contains("test-pictures/zebra.jpg"), all::toString);
        assertEquals(List.of(), complete("!fetch no/such/folder/x"));
    }
}
