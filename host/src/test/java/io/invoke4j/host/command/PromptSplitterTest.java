package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three cases of InvokeAI 2.2.5's {@code parse_cmd} (command-language.md §3.2). */
class PromptSplitterTest {

    private static PromptSplitter.Split split(String prompt, String... switchWords) {
        return new PromptSplitter.Split(prompt, List.of(switchWords));
    }

    @Test
    void lineStartingWithADashHasAnEmptyPrompt() {
        assertEquals(split("", "-s", "5", "-S", "42"), PromptSplitter.split("-s 5 -S 42"));
    }

    @Test
    void lineStartingWithAQuoteTakesTheFirstShellWordAsPrompt() {
        assertEquals(split("a cat", "-s", "5"), PromptSplitter.split("\"a cat\" -s 5"));
        assertEquals(split("there's a fly", "-s", "5"), PromptSplitter.split("\"there's a fly\" -s 5"));
        assertEquals(split("a \"big\" cat"), PromptSplitter.split("\"a \\\"big\\\" cat\""));
        assertEquals(split("a cat # not a comment", "-s", "5"),
                PromptSplitter.split("\"a cat # not a comment\" -s 5 # a comment"));
        assertEquals(split("a cat", "dog", "-s", "5"), PromptSplitter.split("\"a cat\" dog -s 5"));
    }

    @Test
    void otherwiseThePromptEndsBeforeTheFirstDashLetterAfterWhitespace() {
        assertEquals(split("ashley judd riding a camel", "-n2", "-s150"),
                PromptSplitter.split("ashley judd riding a camel -n2 -s150"));
        assertEquals(split("waterfall and rainbow", "--width", "640"),
                PromptSplitter.split("waterfall and rainbow --width 640"));
    }

    @Test
    void dashWordsThatAreNotSwitchesStayInThePrompt() {
        assertEquals(split("a cat-like thing", "-s", "5"), PromptSplitter.split("a cat-like thing -s 5"));
        assertEquals(split("a cat -5 legs", "-s", "5"), PromptSplitter.split("a cat -5 legs -s 5"));
        assertEquals(split("a --- b", "-s", "5"), PromptSplitter.split("a --- b -s 5"));
    }

    @Test
    void promptKeepsSpacingQuotesAndApostrophesAsTyped() {
        assertEquals(split("a  \"big cat\"  ", "-s", "5"), PromptSplitter.split("a  \"big cat\"   -s 5"));
        assertEquals(split("there's a fly", "-s", "5"), PromptSplitter.split("there's a fly -s 5"));
    }

    @Test
    void commentAfterTheSwitchesIsDropped() {
        assertEquals(split("a cat", "-s", "5"), PromptSplitter.split("a cat -s 5 # twenty was too many"));
    }

    @Test
    void switchMayEndTheLine() {
        // deviation: InvokeAI 2.2.5 needs a character after the letter and made "a cat -h" the prompt
        assertEquals(split("a cat", "-h"), PromptSplitter.split("a cat -h"));
        assertEquals(split("a cat --"), PromptSplitter.split("a cat --"));
    }

    @Test
    void lineWithoutSwitchesIsAllPrompt() {
        assertEquals(split("a cat # with a hash"), PromptSplitter.split("a cat # with a hash"));
        assertEquals(split(""), PromptSplitter.split(""));
    }
}
