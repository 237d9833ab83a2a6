package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code !models} and {@code !switch}, in InvokeAI's words (command-language.md §2.2). */
class ModelCommandsTest {
    @TempDir
    Path outdir;
    private Invoker invoker;

    @BeforeEach
    void setUp() {
        invoker = mock(Invoker.class);
        when(invoker.commandFile()).thenReturn(Optional.empty());
        when(invoker.outputDirectory()).thenReturn(outdir);
        when(invoker.models()).thenReturn(List.of(
                new ModelSummary("stable-diffusion-1.5", "SD 1.5 (ONNX export)", ModelSummary.CACHED),
                new ModelSummary("tiny-sd", "random weights", ModelSummary.ACTIVE),
                new ModelSummary("a-model-name-longer-than-25", "<no description>", ModelSummary.NOT_LOADED)));
    }

    @Test
    void modelsListsEachEntryAsInvokeAiFormatsItWithoutBoldOnAPipe() {
        String out = PipedRepl.run(invoker, "!models\n").out();
        assertTrue(out.contains("stable-diffusion-1.5          cached  SD 1.5 (ONNX export)\n"
                + "tiny-sd                       active  random weights\n"
                + "a-model-name-longer-than-25 not loaded  <no description>\n"), out);
        assertTrue(!out.contains("\033["), "no escape codes on a pipe");
    }

    @Test
    void theActiveModelIsBoldAtATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LineSource terminal = new LineSource() {
            @Override
            public String readLine() {
                return null;
            }

            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        CommandHistory history = CommandHistory.load(outdir, out::println);
        new MetaCommands(invoker, history, terminal, out, new ErrorReport(out)).run("!models");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\033[1mtiny-sd                       active  random weights\033[0m\n"), text);
        assertTrue(text.startsWith("stable-diffusion-1.5          cached  SD 1.5 (ONNX export)\n"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchLoadsTheModelAndShowsTheLoadingLines() {
        doAnswer(i -> {
            Consumer<String> messages = i.getArgument(1);
            messages.accept(">> Loading stable-diffusion-1.5 from models/sd15 (engine onnx)");
            messages.accept(">> Model loaded in 1.50s");
            return null;
        }).when(invoker).switchModel(eq("stable-diffusion-1.5"), any());
        String out = PipedRepl.run(invoker, "!switch stable-diffusion-1.5\n").out();
        assertTrue(out.contains(">> Loading stable-diffusion-1.5 from models/sd15 (engine onnx)\n"
                + ">> Model loaded in 1.50s\n"), out);
    }

    @Test
    void anUnknownModelIsOneLineAndTheReplGoesOn() {
        doThrow(new CommandException("\"nope\" is not a known model name. Please check your models.yaml file"))
                .when(invoker).switchModel(eq("nope"), any());
        PipedRepl.Result result = PipedRepl.run(invoker, "!switch nope\n!models\n");
        assertTrue(result.out().contains(
                "** \"nope\" is not a known model name. Please check your models.yaml file\n"), result.out());
        assertTrue(result.out().contains("tiny-sd                       active"), result.out());
        assertEquals(0, result.status());
    }

    @Test
    void switchWithoutANameAndModelsWithOneAreRefused() {
        String out = PipedRepl.run(invoker, "!switch\n!models all\n").out();
        assertTrue(out.contains("** !switch needs a model name (!models lists them)\n"), out);
        assertTrue(out.contains("** !models takes no argument\n"), out);
        verify(invoker, never()).switchModel(any(), any());
        verify(invoker, never()).models();
    }
}
