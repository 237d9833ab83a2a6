package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PromptDirectoryTest {
    @Test
    void forbiddenCharactersBecomeUnderscoresAsTyped() {
        assertEquals("a cat_0.5 a dog_0.5 [blurry_ ugly]", PromptDirectory.of("a cat:0.5 a dog:0.5 [blurry? ugly]", 20));
        assertEquals("__________", PromptDirectory.of("<>:\"/\\|?*_", 20));
    }

    @Test
    void trailingSpacesAndDotsGo() {
        assertEquals("a fox", PromptDirectory.of("a fox. . ", 20));
        assertEquals("", PromptDirectory.of("...", 20));
    }

    @Test
    void cutToTheNameLimitThenToWhatThePathLimitLeaves() {
        assertEquals(255, PromptDirectory.of("x".repeat(300), 20).length());
        // 4096 - 39 - 4000 characters of output folder leave 57
        assertEquals(57, PromptDirectory.of("x".repeat(300), 4000).length());
        // cut at 255, then the trailing space is stripped
        assertEquals(254, PromptDirectory.of("y".repeat(254) + " z", 20).length());
    }

    @Test
    void aLongNonAsciiPromptStaysWithinTheLimitInBytes() {
        String name = PromptDirectory.of("猫".repeat(200), 20);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255);
        assertEquals(85, name.length());
    }
}
