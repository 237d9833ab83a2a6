package io.invoke4j.host.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** command-language.md §5.1. */
class NegativePromptTest {

    @Test
    void groupsBecomeTheNegativeAndOneSpaceEach() {
        assertEquals(new NegativePrompt("a cat ", "dog blurry"), NegativePrompt.of("a cat [dog] [blurry]"));
    }

    @Test
    void runsOfSpacesCollapse() {
        assertEquals(new NegativePrompt("a cat on a mat", "fur"), NegativePrompt.of("a cat  [fur] on a mat"));
    }

    @Test
    void noGroupsLeaveThePromptAsItIs() {
        assertEquals(new NegativePrompt("a  cat", ""), NegativePrompt.of("a  cat"));
    }

    @Test
    void groupsDoNotNest() {
        assertEquals(new NegativePrompt("x y]", "[a"), NegativePrompt.of("x [[a] y]"));
    }

    @Test
    void emptyGroupsCountAsEmptyTexts() {
        assertEquals(new NegativePrompt("a cat ", " x"), NegativePrompt.of("a cat [] [x]"));
    }

    @Test
    void aGroupDoesNotSpanLines() {
        // Python's '.' stops at a newline, so the first '[' opens nothing
        assertEquals(new NegativePrompt("[a\nb] ", "c"), NegativePrompt.of("[a\nb] [c]"));
    }
}
