package io.invoke4j.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.InferenceSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's counters: per model part (the UNet's time per step) and all parts together. */
class SessionTimingsTest {

    private static InferenceSession sleeping(long millis) {
        InferenceSession session = mock(InferenceSession.class);
        when(session.run(any())).thenAnswer(invocation -> {
            Thread.sleep(millis);
            return Map.of();
        });
        return session;
    }

    @Test
    void timesEachPartAndTheirTotal() {
        SessionTimings timings = new SessionTimings();
        InferenceSession unet = timings.wrap("unet", sleeping(20));
        InferenceSession vae = timings.wrap("vae_decoder", sleeping(5));
        unet.run(Map.of());
        unet.run(Map.of());
        vae.run(Map.of());
        assertEquals(2, timings.calls("unet"));
        assertEquals(1, timings.calls("vae_decoder"));
        assertTrue(timings.runNanos("unet") >= 40_000_000L, () -> "unet " + timings.runNanos("unet"));
        assertTrue(timings.bestRunNanos("unet") >= 20_000_000L
                && timings.bestRunNanos("unet") <= timings.runNanos("unet") / 2 + 1);
        assertEquals(timings.runNanos("unet") + timings.runNanos("vae_decoder"), timings.runNanos());
        timings.reset();
        assertEquals(0, timings.calls("unet"));
        assertEquals(0, timings.runNanos());
        assertEquals(0, timings.bestRunNanos("unet"), "no call since the reset");
        assertEquals(0, timings.calls("text_encoder"), "a part never opened");
    }
}
