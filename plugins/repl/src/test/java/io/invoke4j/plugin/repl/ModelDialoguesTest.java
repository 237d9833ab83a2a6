package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.api.ModelSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions of !import_model and !edit_model, and !del_model, over a fake Invoker (command-language.md §2.2). */
class ModelDialoguesTest {
    @TempDir
    Path outdir;
    @TempDir
    Path models;
    private Invoker invoker;
    private Path mine;
    private Path tiny;
    private ModelSettings tinySettings;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.commandFile()).thenReturn(Optional.empty());
        when(invoker.outputDirectory()).thenReturn(outdir);
        when(invoker.models()).thenReturn(List.of(new ModelSummary("tiny-sd", "random weights", ModelSummary.ACTIVE),
                new ModelSummary("tiny-sd-fp16", "float16", ModelSummary.NOT_LOADED)));
        mine = models.resolve("my-model");
        tiny = models.resolve("tiny-sd");
        when(invoker.newModelSettings(mine)).thenReturn(new ModelSettings("my-model", "", mine, 512, 512, false));
        when(invoker.newModelSettings(tiny)).thenReturn(new ModelSettings("tiny-sd", "", tiny, 512, 512, false));
        tinySettings = new ModelSettings("tiny-sd", "random weights", tiny, 512, 512, true);
        when(invoker.modelSettings("tiny-sd")).thenReturn(tinySettings);
    }

    @Test
    void importAsksInvokeAisQuestionsInOrderShowsTheEntryAndSavesOnYes() {
        String out = PipedRepl.run(invoker, "!import_model " + mine + "\nmine\nMy own model\n640\n\ny\ny\n").out();
        verify(invoker).saveModel(eq(new ModelSettings("mine", "My own model", mine, 640, 512, true)), any());
        assertTrue(out.contains("invoke> Short name for this model: mine\n"
                + "Description of this model: My own model\n"
                + "Default image width: 640\n"
                + "Default image height: 512\n"
                + "Make this the default model? [n] y\n"
                + ">> New configuration:\n"
                + "mine:\n"
                + "  description: My own model\n"
                + "  path: " + mine + "\n"
                + "  width: 640\n"
                + "  height: 512\n"
                + "  default: true\n"
                + "OK to import [n]? y\n"
                + ">> mine imported\n"), out);
    }

    @Test
    void emptyAnswersFromAPipeTakeTheValuesOffered() {
        PipedRepl.run(invoker, "!import_model " + mine + "\n\n\n\n\n\ny\n");
        verify(invoker).saveModel(eq(new ModelSettings("my-model", "", mine, 512, 512, false)), any());
    }

    @Test
    void aBadNameOrSizeIsAskedAgainWithInvokeAisMessages() {
        String out = PipedRepl.run(invoker,
                "!import_model " + mine + "\nmy model\ntiny-sd\nok.name_2\n\n32\nwide\n1024\n4096\n768\n\ny\n").out();
        assertTrue(out.contains("Short name for this model: my model\n"
                + "** model name must contain only words, digits and the characters [._-] **\n"
                + "Short name for this model: tiny-sd\n"
                + "** the name tiny-sd is already in use. Pick another.\n"
                + "Short name for this model: ok.name_2\n"), out);
        assertTrue(out.contains("Default image width: 32\n"
                + "** Please enter a valid integer between 64 and 2048\n"
                + "Default image width: wide\n"
                + "** Please enter a valid integer between 64 and 2048\n"
                + "Default image width: 1024\n"
                + "Default image height: 4096\n"
                + "** Please enter a valid integer between 64 and 2048\n"
                + "Default image height: 768\n"), out);
        verify(invoker).saveModel(eq(new ModelSettings("ok.name_2", "", mine, 1024, 768, false)), any());
    }

    @Test
    void anythingButYesToOkSavesNothing() {
        String out = PipedRepl.run(invoker, "!import_model " + mine + "\nmine\n\n\n\n\n\n").out();
        assertTrue(out.contains("OK to import [n]? \n>> models.yaml is unchanged\n"), out);
        verify(invoker, never()).saveModel(any(), any());
    }

    @Test
    void aFolderThatIsNoModelIsOneLineAskedNothingAndTheReplGoesOn() {
        Path half = models.resolve("half");
        when(invoker.newModelSettings(half)).thenThrow(
                new CommandException(half + ": not a diffusers Stable Diffusion folder (no unet/)"));
        PipedRepl.Result result = PipedRepl.run(invoker, "!import_model " + half + "\n!models\n");
        assertTrue(result.out().contains("** " + half + ": not a diffusers Stable Diffusion folder (no unet/)\n"
                + "invoke> tiny-sd"), result.out());
        assertFalse(result.out().contains("Short name"), result.out());
        assertEquals(0, result.status());
    }

    @Test
    void aRelativeFolderIsTheWorkingDirectorysAndQuotesAreRemoved() {
        Path relative = Path.of("").toAbsolutePath().resolve("models/with space");
        when(invoker.newModelSettings(relative)).thenThrow(new CommandException("checked"));
        String out = PipedRepl.run(invoker, "!import_model \"models/with space\"\n").out();
        assertTrue(out.contains("** checked\n"), out);
    }

    @Test
    void theInputEndingAmidTheQuestionsSavesNothing() {
        String out = PipedRepl.run(invoker, "!import_model " + mine + "\nmine\n").out();
        assertTrue(out.contains("** !import_model: no answer; models.yaml is unchanged\n"), out);
        verify(invoker, never()).saveModel(any(), any());
    }

    @Test
    void aFailedSaveIsOneLineAndTheReplGoesOn() {
        doThrow(new CommandException("/x/configs/models.yaml: cannot be written (read-only)"))
                .when(invoker).saveModel(any(), any());
        PipedRepl.Result result = PipedRepl.run(invoker, "!import_model " + mine + "\n\n\n\n\n\ny\n!models\n");
        assertTrue(result.out().contains("OK to import [n]? y\n"
                + "** /x/configs/models.yaml: cannot be written (read-only)\ninvoke> tiny-sd"), result.out());
    }

    @Test
    void editOffersEachFieldsValueAndKeepsTheDefaultMark() {
        String out = PipedRepl.run(invoker, "!edit_model tiny-sd\nnew words\n\n768\n\ny\n").out();
        verify(invoker).saveModel(eq(new ModelSettings("tiny-sd", "new words", tiny, 768, 512, true)), any());
        assertTrue(out.contains("invoke> \n"
                + "description: new words\n"
                + "path: " + tiny + "\n"
                + "width: 768\n"
                + "height: 512\n"
                + ">> New configuration:\n"
                + "tiny-sd:\n"
                + "  description: new words\n"
                + "  path: " + tiny + "\n"
                + "  width: 768\n"
                + "  height: 512\n"
                + "  default: true\n"
                + "OK to modify [n]? y\n"
                + ">> tiny-sd modified\n"), out);
    }

    @Test
    void editAsksAgainForAFolderThatIsNoModel() {
        Path empty = models.resolve("empty");
        when(invoker.newModelSettings(empty)).thenThrow(new CommandException(empty + ": no such folder"));
        String out = PipedRepl.run(invoker, "!edit_model tiny-sd\n\n" + empty + "\n" + tiny + "\n\n\ny\n").out();
        assertTrue(out.contains("path: " + empty + "\n** " + empty + ": no such folder\npath: " + tiny + "\n"), out);
        verify(invoker).saveModel(eq(tinySettings), any());
    }

    @Test
    void editOfAnUnknownModelIsOneLine() {
        when(invoker.modelSettings("nope")).thenThrow(
                new CommandException("\"nope\" is not a known model name. Please check your models.yaml file"));
        String out = PipedRepl.run(invoker, "!edit_model nope\n").out();
        assertTrue(out.contains("** \"nope\" is not a known model name. Please check your models.yaml file\n"), out);
        assertFalse(out.contains("description: "), out);
    }

    @Test
    void deleteSaysInvokeAisLinesForTheDeletedAndTheActiveModel() {
        doThrow(new CommandException("Can't delete active model. !switch to another model first. **"))
                .when(invoker).deleteModel("tiny-sd");
        String out = PipedRepl.run(invoker, "!del_model tiny-sd-fp16\n!del_model tiny-sd\n").out();
        verify(invoker).deleteModel("tiny-sd-fp16");
        assertTrue(out.contains("** tiny-sd-fp16 deleted\n"), out);
        assertTrue(out.contains("** Can't delete active model. !switch to another model first. **\n"), out);
    }

    @Test
    void eachCommandNeedsItsArgument() {
        String out = PipedRepl.run(invoker, "!import_model\n!edit_model\n!del_model\n").out();
        assertTrue(out.contains("** !import_model needs the folder of a diffusers model (text_encoder/, unet/, ...)\n"),
                out);
        assertTrue(out.contains("** !edit_model needs a model name (!models lists them)\n"), out);
        assertTrue(out.contains("** !del_model needs a model name (!models lists them)\n"), out);
        verify(invoker, never()).deleteModel(any());
    }

    @Test
    void theCommandIsRecordedInTheHistoryAndItsAnswersAreNot() throws Exception {
        PipedRepl.run(invoker, "!import_model " + mine + "\nmine\n\n\n\n\ny\n!del_model tiny-sd-fp16\n");
        assertEquals(List.of("!import_model " + mine, "!del_model tiny-sd-fp16"),
                Files.readAllLines(outdir.resolve(".invoke_history")));
    }

    @Test
    void fromAFileTheAnswersCountAsLinesOfIt() {
        when(invoker.commandFile()).thenReturn(Optional.of("-"));
        doThrow(new CommandException("\"nope\" is not a known model name. Please check your models.yaml file"))
                .when(invoker).deleteModel("nope");
        PipedRepl.Result result = PipedRepl.run(invoker, "!import_model " + mine + "\nmine\n\n\n\n\nn\n!del_model nope\n");
        assertTrue(result.out().contains("** line 8: \"nope\" is not a known model name"), result.out());
        assertEquals(1, result.status());
    }

    /** At a terminal each question is the prompt, its value offered ready to edit, and nothing is printed twice. */
    @Test
    void atATerminalTheCurrentValuesArePrefilled() {
        Deque<String> typed = new ArrayDeque<>(List.of("edited", tiny.toString(), "512", "640", "y"));
        List<String> asked = new ArrayList<>();
        LineSource terminal = new LineSource() {
            @Override
            public String readLine() {
                return null;
            }

            @Override
            public String ask(String question, String answer) {
                asked.add(question + "|" + answer);
                return typed.poll();
            }

            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CommandHistory history = CommandHistory.load(outdir, out::println);
        new MetaCommands(invoker, history, terminal, out, new ErrorReport(out), models).run("!edit_model tiny-sd");
        assertEquals(List.of("description: |random weights", "path: |tiny-sd", "width: |512", "height: |512",
                "OK to modify [n]? |"), asked, "a folder under the working directory is offered relative to it");
        verify(invoker).saveModel(eq(new ModelSettings("tiny-sd", "edited", tiny, 512, 640, true)), any());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\ndescription: "), "the terminal shows the question: " + text);
        assertTrue(text.contains("  path: tiny-sd\n"), text);
    }
}
