package io.invoke4j.host.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Tensor;
import io.invoke4j.host.generate.BundledTokenizer;
import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** command-language.md §5.4 (v2.0.x format) with the bundled CLIP tokenizer. */
class TokenizationLogTest {
    private static final String ESC = "\u001b";

    private final TokenizationLog coloured = new TokenizationLog(BundledTokenizer.get(), true);
    private final TokenizationLog plain = new TokenizationLog(BundledTokenizer.get(), false);

    private static String colour(int c) {
        return ESC + "[0;3" + c + ";40m";
    }

    @Test
    void eachTokenIsColouredInTurnAndEndOfWordIsASpace() {
        assertEquals("\n>> Tokens (3), Weight (1.00):\n"
                        + colour(1) + "a " + colour(2) + "red " + colour(3) + "cat " + ESC + "[0m\n",
                coloured.format("A red CAT", 1.0));
    }

    @Test
    void withoutColourThereIsNoEscapeAtAll() {
        assertEquals("\n>> Tokens (3), Weight (1.00):\na red cat \n", plain.format("A red CAT", 1.0));
    }

    @Test
    void theSeventhTokenTakesTheFirstColourAgain() {
        assertEquals("\n>> Tokens (7), Weight (0.50):\n"
                        + colour(1) + "one " + colour(2) + "two " + colour(3) + "three " + colour(4) + "four "
                        + colour(5) + "five " + colour(6) + "six " + colour(1) + "seven " + ESC + "[0m\n",
                coloured.format("one two three four five six seven", 0.5));
    }

    @Test
    void piecesOfOneWordRunTogether() {
        // one word, three BPE pieces: only the last ends the word, so only it is followed by a space
        assertEquals("\n>> Tokens (3), Weight (1.00):\n" + colour(1) + "invo" + colour(2) + "ke" + colour(3) + "ai "
                + ESC + "[0m\n", coloured.format("invokeai", 1.0));
        assertEquals("\n>> Tokens (3), Weight (1.00):\ninvokeai \n", plain.format("invokeai", 1.0));
    }

    @Test
    void nonAsciiShowsAsTheVocabularysByteSymbolsAsInInvokeAi() {
        assertEquals("\n>> Tokens (1), Weight (1.00):\ncaf\u00c3\u00a9 \n", plain.format("caf\u00e9", 1.0));
    }

    @Test
    void theWeightIsRoundedAsPythonsTwoDecimalFormat() {
        // 0.125 is exact in binary, and Python rounds it half to even; 0.41176... is a normalised weight
        assertEquals("\n>> Tokens (1), Weight (0.12):\ncat \n", plain.format("cat", 0.125));
        assertEquals("\n>> Tokens (1), Weight (0.41):\ncat \n", plain.format("cat", 0.4117647058823529));
        assertEquals("\n>> Tokens (1), Weight (-1.00):\ncat \n", plain.format("cat", -1.0));
        assertEquals("\n>> Tokens (1), Weight (-0.00):\ncat \n", plain.format("cat", -0.0));
        assertEquals("\n>> Tokens (1), Weight (1.50):\ncat \n", plain.format("cat", 1.5));
    }

    @Test
    void anEmptyTextShowsNoTokens() {
        assertEquals("\n>> Tokens (0), Weight (1.00):\n" + ESC + "[0m\n", coloured.format("", 1.0));
    }

    @Test
    void moreThan75TokensAreListedAsDiscardedInOneColour() {
        String text = "cat ".repeat(78) + "dog";
        StringBuilder expected = new StringBuilder("\n>> Tokens (75), Weight (1.00):\n");
        for (int i = 0; i < 75; i++) {
            expected.append(colour(i % 6 + 1)).append("cat ");
        }
        expected.append(ESC).append("[0m\n>> Tokens Discarded (4):\n");
        // colour (75 mod 6) + 1 = 4 for every discarded token
        expected.append(colour(4)).append("cat ").append(colour(4)).append("cat ").append(colour(4)).append("cat ")
                .append(colour(4)).append("dog ").append(ESC).append("[0m\n");
        assertEquals(expected.toString(), coloured.format(text, 1.0));
    }

    @Test
    void discardedTokensWithoutColour() {
        String text = "cat ".repeat(75) + "a red dog";
        assertEquals("\n>> Tokens (75), Weight (1.00):\n" + "cat ".repeat(75) + "\n>> Tokens Discarded (3):\na red dog \n",
                plain.format(text, 1.0));
    }

    @Test
    void exactly75TokensDiscardNothing() {
        assertEquals("\n>> Tokens (75), Weight (1.00):\n" + "cat ".repeat(75) + "\n",
                plain.format("cat ".repeat(75), 1.0));
    }

    @Test
    void aListOfEncodedTextsIsLoggedInOrderWithTheirWeights() {
        assertEquals("\n>> Tokens (2), Weight (0.70):\na cat \n\n>> Tokens (3), Weight (0.30):\n, a dog \n",
                plain.format(List.of(new Subprompt("a cat", 0.7), new Subprompt(", a dog", 0.3))));
    }

    @Test
    void theConditioningsEncodedTextsAreWhatIsLogged() {
        PromptConditioning conditioning = new PromptConditioning(text -> Tensor.ofFloats(new float[2], 1, 1, 2));
        Conditioning c = conditioning.condition("a cat:0.7 [ugly] a dog:0.3", false, message -> { });
        assertEquals("\n>> Tokens (2), Weight (0.70):\na cat \n\n>> Tokens (2), Weight (0.30):\na dog \n",
                plain.format(c.encoded()));
    }
}
