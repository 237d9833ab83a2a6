package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Failures as DJL wraps them, said once each and on one line. */
class OneLineTest {

    @Test
    void joinsTheCausesAndDropsRepeatsAndEmptyWrappers() {
        // DJL's PyTorch engine holder when libtorch is missing and DJL is offline
        Throwable missing = new ExceptionInInitializerError(new IllegalStateException("Failed to save pytorch index"
                + " file", new IOException("Offline mode is enabled.")));
        assertEquals("Failed to save pytorch index file: Offline mode is enabled.", OneLine.of(missing));
        // a wrapper whose message is its cause's toString()
        IOException cause = new IOException("zip END header not found");
        assertEquals("zip END header not found", OneLine.of(new RuntimeException(cause)));
    }

    @Test
    void keepsTheFirstLineOfAMultiLineNativeMessage() {
        RuntimeException libtorch = new RuntimeException("""
                PytorchStreamReader failed locating file data/0: file not found
                Exception raised from valid at ../caffe2/serialize/inline_container.cc:236 (most recent call first):
                frame #0: c10::Error::Error(...)
                """);
        assertEquals("PytorchStreamReader failed locating file data/0: file not found", OneLine.of(libtorch));
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() {
        assertEquals("UnsupportedOperationException", OneLine.of(new UnsupportedOperationException()));
    }
}
