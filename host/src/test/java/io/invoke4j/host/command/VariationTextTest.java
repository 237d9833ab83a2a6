package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Variation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading follows InvokeAI's {@code split_variations} under CPython 3.11, except that a bad part is refused. */
class VariationTextTest {

    private static String refusal(String text) {
        return assertThrows(CommandException.class, () -> VariationText.parse(text)).getMessage();
    }

    @Test
    void readsSeedWeightPairsInOrder() {
        assertEquals(List.of(new Variation(3647897225L, 0.2)), VariationText.parse("3647897225:0.2"));
        assertEquals(List.of(new Variation(1, 0.1), new Variation(2, 0.9)), VariationText.parse("1:0.1,2:0.9"));
    }

    @Test
    void readsEachNumberAsPythonDoes() {
        assertEquals(List.of(new Variation(1000, 0.5), new Variation(-7, 1.0), new Variation(8, 2.5e-1)),
                VariationText.parse(" 1_000 : .5,-7:1,+8:2.5e-1"));
    }

    @Test
    void leavesWeightChecksToTheCaller() {
        // prompt2image checks them after the seed and the iterations (SwitchCombinationChecks)
        assertEquals(List.of(new Variation(1, 5.0)), VariationText.parse("1:5"));
        assertEquals(Double.NaN, VariationText.parse("1:nan").get(0).weight());
    }

    @Test
    void seedKeepsTheLongRange() {
        assertEquals(List.of(new Variation(Long.MAX_VALUE, 0.5)), VariationText.parse(Long.MAX_VALUE + ":0.5"));
        assertEquals(List.of(new Variation(Long.MIN_VALUE, 0.5)), VariationText.parse(Long.MIN_VALUE + ":0.5"));
        // deviation: Python's int has no limit
        assertEquals("Could not parse with_variations part \"9223372036854775808:0.5\"",
                refusal("9223372036854775808:0.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1:", ":0.5", "1:2:3", "1.0:0.5", "a:0.5", "1:a", "1:0.5f", "0x10:0.5"})
    void refusesAPartThatIsNotSeedColonWeight(String part) {
        assertEquals("Could not parse with_variations part \"" + part + "\"", refusal(part));
    }

    @Test
    void namesTheFirstBadPart() {
        assertEquals("Could not parse with_variations part \"x\"", refusal("1:0.5,x,y"));
    }

    @Test
    void trailingAndDoubledCommasMakeEmptyParts() {
        // Python's str.split keeps them, where Java's String.split would drop the trailing one
        assertEquals("Could not parse with_variations part \"\"", refusal("1:0.5,"));
        assertEquals("Could not parse with_variations part \"\"", refusal("1:0.5,,2:0.5"));
        assertEquals("Could not parse with_variations part \"1:0.5:\"", refusal("1:0.5:"));
    }

    @Test
    void writesWeightsAsPython() {
        // command-language.md §6: -V 3647897225:0.2
        assertEquals("3647897225:0.2", VariationText.format(List.of(new Variation(3647897225L, 0.2))));
        assertEquals("1:1.0,2:0.30000000000000004,3:1e-05", VariationText.format(List.of(new Variation(1, 1),
                new Variation(2, 0.1 + 0.2), new Variation(3, 1e-5))));
    }

    @Test
    void readsBackWhatItWrites() {
        List<Variation> variations = List.of(new Variation(0, 0.0), new Variation(-3, 1.0),
                new Variation(4294967294L, 0.1 + 0.2), new Variation(Long.MAX_VALUE, 1e-7));
        assertEquals(variations, VariationText.parse(VariationText.format(variations)));
    }
}
