package io.invoke4j.host.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of command-language.md §5.2 (weights as Python computes them), {@code -x} and the warning. */
class WeightedSubpromptsTest {

    @Test
    void weightsThatSumToOneStay() {
        assertEquals(List.of(new Subprompt("a cat", 0.7), new Subprompt("a dog", 0.3)),
                WeightedSubprompts.split("a cat:0.7 a dog:0.3"));
    }

    @Test
    void aColonWithoutWeightMeansOne() {
        assertEquals(List.of(new Subprompt("a cat", 0.5), new Subprompt("a dog", 0.5)),
                WeightedSubprompts.split("a cat: a dog"));
    }

    @Test
    void weightsAreDividedByTheirSumAndSpacesStay() {
        assertEquals(List.of(new Subprompt("a cat ", 0.4117647058823529), new Subprompt(", a dog", 0.5882352941176471)),
                WeightedSubprompts.split("a cat :0.7, a dog"));
    }

    @Test
    void aCommaAfterAWeightStartsTheNextPrompt() {
        assertEquals(List.of(new Subprompt("a cat", 0.7), new Subprompt(",a dog", 0.3)),
                WeightedSubprompts.split("a cat:0.7,a dog:0.3"));
    }

    @Test
    void zeroSumGivesEvenWeights() {
        assertEquals(List.of(new Subprompt("x", 0.5), new Subprompt("y", 0.5)), WeightedSubprompts.split("x:0 y:0"));
    }

    @Test
    void aPlainPromptIsOnePartOfWeightOne() {
        assertEquals(List.of(new Subprompt("a cat [dog]", 1.0)), WeightedSubprompts.split("a cat [dog]"));
    }

    @Test
    void aLeadingColonIsSkipped() {
        assertEquals(List.of(new Subprompt("0.5 cat", 1.0)), WeightedSubprompts.split(":0.5 cat"));
    }

    @Test
    void anEscapedColonIsLiteral() {
        assertEquals(List.of(new Subprompt("ratio 16:9", 1.0)), WeightedSubprompts.split("ratio 16\\:9"));
    }

    @Test
    void negativeWeightsCount() {
        assertEquals(List.of(new Subprompt("a", 2.0), new Subprompt("b", -1.0)), WeightedSubprompts.split("a:2 b:-1"));
    }

    @Test
    void anEmptyPromptHasNoParts() {
        assertEquals(List.of(), WeightedSubprompts.split(""));
    }

    @Test
    void unicodeDigitsAreWeightsAsInPython() {
        // Python's \d and float() accept ARABIC-INDIC digits: 'a:٣ b:١' -> a 0.75, b 0.25
        assertEquals(List.of(new Subprompt("a", 0.75), new Subprompt("b", 0.25)),
                WeightedSubprompts.split("a:\u0663 b:\u0661"));
    }

    @Test
    void skipNormalizeKeepsTheWeightsAsTyped() {
        List<String> messages = new ArrayList<>();
        assertEquals(List.of(new Subprompt("a cat", 1.5)), WeightedSubprompts.split("a cat:1.5", true, messages::add));
        assertEquals(List.of(new Subprompt("x", 0.0), new Subprompt("y", 0.0)),
                WeightedSubprompts.split("x:0 y:0", true, messages::add));
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void normalisingOneWeightMakesItOne() {
        assertEquals(List.of(new Subprompt("a cat", 1.0)), WeightedSubprompts.split("a cat:1.5"));
    }

    @Test
    void zeroSumWarnsOnceThroughTheCallback() {
        List<String> messages = new ArrayList<>();
        assertEquals(List.of(new Subprompt("x", 0.5), new Subprompt("y", 0.5)),
                WeightedSubprompts.split("x:0 y:0", false, messages::add));
        assertEquals(List.of("Warning: Subprompt weights add up to zero. Discarding and using even weights instead."),
                messages);
    }

    @Test
    void weightsThatCancelOutAlsoWarn() {
        List<String> messages = new ArrayList<>();
        assertEquals(List.of(new Subprompt("a", 1.0 / 3), new Subprompt("b", 1.0 / 3), new Subprompt("c", 1.0 / 3)),
                WeightedSubprompts.split("a:1 b:-1 c:0", false, messages::add));
        assertEquals(List.of(WeightedSubprompts.ZERO_SUM_WARNING), messages);
    }

    @Test
    void nonZeroSumAndEmptyTextDoNotWarn() {
        List<String> messages = new ArrayList<>();
        WeightedSubprompts.split("a cat:0.7 a dog:0.3", false, messages::add);
        WeightedSubprompts.split("", false, messages::add);
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void parseKeepsWeightsAndDefaultsMissingOnesToOne() {
        assertEquals(List.of(new Subprompt("a cat ", 0.7), new Subprompt(", a dog", 1.0)),
                WeightedSubprompts.parse("a cat :0.7, a dog"));
    }

    @Test
    void severalColonsAndTrailingWhitespaceEndOnePart() {
        assertEquals(List.of(new Subprompt("a", 2.0), new Subprompt("b", 1.0)), WeightedSubprompts.parse("a:::2   b"));
    }
}
