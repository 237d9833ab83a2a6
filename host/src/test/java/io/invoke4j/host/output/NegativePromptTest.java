package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
