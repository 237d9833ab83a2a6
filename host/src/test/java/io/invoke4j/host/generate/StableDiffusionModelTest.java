package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a model with and without {@code vae_encoder/}, over a fake engine. */
class StableDiffusionModelTest {

    @TempDir
    Path temp;

    private final Map<String, InferenceSession> opened = new HashMap<>();

    private InferenceEngine engine() {
        InferenceEngine engine = mock(InferenceEngine.class);
        when(engine.open(any(), any())).thenAnswer(invocation -> {
            Path part = invocation.getArgument(0);
            InferenceSession session = mock(InferenceSession.class);
            opened.put(part.getFileName().toString(), session);
            return session;
        });
        return engine;
    }

    /** A copy of models/tiny-sd's tokenizer and scheduler, with empty network folders. */
    private Path modelFolder(List<String> networks) throws IOException {
        Path tinySd = BundledTokenizer.modelFolder();
        for (String part : List.of("tokenizer", "scheduler")) {
            Files.createDirectories(temp.resolve(part));
            try (Stream<Path> files = Files.list(tinySd.resolve(part))) {
                for (Path file : files.toList()) {
                    Files.copy(file, temp.resolve(part).resolve(file.getFileName()));
                }
            }
        }
        for (String network : networks) {
            Files.createDirectories(temp.resolve(network));
        }
        return temp;
    }

    @Test
    void theVaeEncoderIsOpenedWrappedAndClosedWithTheRest() throws IOException {
        Path folder = modelFolder(List.of("text_encoder", "unet", "vae_decoder", "vae_encoder"));
        Map<String, InferenceSession> wrapped = new HashMap<>();

        try (StableDiffusionModel model = StableDiffusionModel.open(folder, engine(), EngineOptions.defaults(),
                (part, session) -> {
                    wrapped.put(part, session);
                    return session;
                })) {
            assertTrue(model.hasVaeEncoder());
            assertSame(opened.get("vae_encoder"), model.vaeEncoder());
            assertSame(opened.get("vae_encoder"), wrapped.get("vae_encoder"));
            assertEquals(4, wrapped.size());
        }
        verify(opened.get("vae_encoder")).close();
    }

    @Test
    void withoutAVaeEncoderTheModelOnlyMakesImagesFromText() throws IOException {
        Path folder = modelFolder(List.of("text_encoder", "unet", "vae_decoder"));

        try (StableDiffusionModel model = StableDiffusionModel.open(folder, engine(), EngineOptions.defaults(),
                SessionWrapper.NONE)) {
            assertFalse(model.hasVaeEncoder());
            CommandException e = assertThrows(CommandException.class, model::vaeEncoder);
            assertTrue(e.getMessage().contains("vae_encoder"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertEquals(3, opened.size());
    }
}
