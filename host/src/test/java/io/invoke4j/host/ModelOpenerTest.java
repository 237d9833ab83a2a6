package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.SessionWrapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's engine failures name the model and the engine, in one line; --engine swaps only the engine. */
class ModelOpenerTest {

    private static final Path TINY_SD = Path.of(System.getProperty("invoke4j.root", "..")).resolve("models/tiny-sd");

    private static ModelEntry entry(String engine) {
        return new ModelEntry("tiny-sd", "test", TINY_SD, "diffusers-onnx", engine, "auto", null, 512, 512, null, null,
                true);
    }

    @Test
    void anEnginesFailureIsPrefixedWithTheModelAndTheEngine() {
        InferenceEngine engine = mock(InferenceEngine.class);
        when(engine.open(any(), any())).thenThrow(new InferenceException("engine djl cannot read it: do this"));
        InferenceException e = assertThrows(InferenceException.class, () -> ModelOpener.open(entry("djl"), TINY_SD,
                engine, EngineOptions.defaults(), SessionWrapper.NONE));
        assertEquals("model 'tiny-sd' on engine 'djl': engine djl cannot read it: do this", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theEngineOverrideKeepsEverythingElse() {
        ModelEntry entry = entry("onnx");
        ModelEntry djl = entry.withEngine("djl");
        assertEquals("djl", djl.engine());
        assertEquals(entry, djl.withEngine("onnx"));
        assertSame(entry.path(), djl.path());
        assertEquals(List.of(entry.name(), entry.width()), List.of(djl.name(), djl.width()));
    }
}
