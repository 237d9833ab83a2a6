package io.invoke4j.host.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.Tensor;
import io.invoke4j.host.generate.TextEmbedder;
import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** command-language.md §5.1–5.2 as the conditioning sees them, over a fake encoder of known tensors. */
class PromptConditioningTest {

    /** Hands out a fixed tensor per text and records which texts were asked for. */
    private static final class FakeEncoder implements TextEmbedder {
        final Map<String, Tensor> tensors = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        FakeEncoder with(String text, float... values) {
            tensors.put(text, Tensor.ofFloats(values, 1, 2, values.length / 2));
            return this;
        }

        @Override
        public Tensor encode(String text) {
            calls.add(text);
            Tensor tensor = tensors.get(text);
            if (tensor == null) {
                throw new AssertionError("unexpected text to encode: '" + text + "'");
            }
            return tensor;
        }
    }

    private final List<String> messages = new ArrayList<>();

    private Conditioning condition(FakeEncoder encoder, String prompt, boolean skipNormalize) {
        return new PromptConditioning(encoder).condition(prompt, skipNormalize, messages::add);
    }

    @Test
    void withoutBracketsTheUnconditionalIsTheEmptyText() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a cat", 1, 2);
        Conditioning c = condition(encoder, "a cat", false);
        assertSame(encoder.tensors.get(""), c.uncond());
        assertSame(encoder.tensors.get("a cat"), c.cond());
        assertEquals(List.of(new Subprompt("a cat", 1.0)), c.encoded());
    }

    @Test
    void bracketGroupsAreJoinedIntoTheUnconditionalAndRemovedFromThePrompt() {
        FakeEncoder encoder = new FakeEncoder().with("dog blurry", 5, 6).with("a cat ", 1, 2);
        Conditioning c = condition(encoder, "a cat [dog] [blurry]", false);
        assertSame(encoder.tensors.get("dog blurry"), c.uncond());
        assertSame(encoder.tensors.get("a cat "), c.cond());
        assertEquals(List.of("dog blurry", "a cat "), encoder.calls);
    }

    @Test
    void aGroupInsideThePromptLeavesOneSpace() {
        FakeEncoder encoder = new FakeEncoder().with("fur", 5, 6).with("a cat on a mat", 1, 2);
        Conditioning c = condition(encoder, "a cat  [fur]  on a mat", false);
        assertSame(encoder.tensors.get("a cat on a mat"), c.cond());
        assertSame(encoder.tensors.get("fur"), c.uncond());
    }

    @Test
    void oneSubpromptEncodesTheWholeTextWithItsWeight() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a cat:1.5", 1, 2);
        Conditioning c = condition(encoder, "a cat:1.5", false);
        assertSame(encoder.tensors.get("a cat:1.5"), c.cond());
        assertEquals(List.of(new Subprompt("a cat:1.5", 1.0)), c.encoded());
        assertEquals(List.of("", "a cat:1.5"), encoder.calls);
    }

    @Test
    void oneSubpromptWithSkipNormalizeStillEncodesTheWholeText() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a cat:1.5", 1, 2);
        Conditioning c = condition(encoder, "a cat:1.5", true);
        assertSame(encoder.tensors.get("a cat:1.5"), c.cond());
    }

    @Test
    void twoSubpromptsAreSummedWithNormalisedWeights() {
        FakeEncoder encoder = new FakeEncoder().with("", 9, 9)
                .with("a cat", 1, 2, -4, 0.5f)
                .with("a dog", 4, -8, 2, 1);
        Conditioning c = condition(encoder, "a cat:3 a dog:1", false);
        // 0.75·cat + 0.25·dog, exact in float
        assertArrayEquals(new float[] {1.75f, -0.5f, -2.5f, 0.625f}, c.cond().floats());
        assertArrayEquals(new long[] {1, 2, 2}, c.cond().shape());
        assertSame(encoder.tensors.get(""), c.uncond());
        assertEquals(List.of(new Subprompt("a cat", 0.75), new Subprompt("a dog", 0.25)), c.encoded());
        assertEquals(List.of("", "a cat", "a dog"), encoder.calls);
        assertTrue(messages.isEmpty());
    }

    @Test
    void theSumIsFloat32FromZerosEachStepRoundedOnceAsTorchAddDoes() {
        float x = 0.44523224f;
        float y = -0.95581186f;
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("x", x, 3).with("y", y, 7);
        Conditioning c = condition(encoder, "x:0.7 y:0.3", false);
        // torch.add(c, e, alpha=w): w as float32, c + w·e rounded once (fused); c starts at zeros
        float afterX = 0.7f * x;
        float once = new BigDecimal(0.3f).multiply(new BigDecimal(y)).add(new BigDecimal(afterX)).floatValue();
        assertEquals(0.024918986f, once);
        assertEquals(once, c.cond().floats()[0]);
        // neither float steps rounded twice nor double weights summed in double give that value
        assertNotEquals(0.7f * x + 0.3f * y, c.cond().floats()[0]);
        assertNotEquals((float) (0.7 * x + 0.3 * y), c.cond().floats()[0]);
    }

    @Test
    void skipNormalizeSumsWithTheWeightsAsTyped() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a", 1, 2).with("b", 3, 5);
        Conditioning c = condition(encoder, "a:2 b:-1", true);
        assertArrayEquals(new float[] {-1, -1}, c.cond().floats());
        assertEquals(List.of(new Subprompt("a", 2.0), new Subprompt("b", -1.0)), c.encoded());
    }

    @Test
    void weightsAddingUpToZeroWarnAndAreEven() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("x", 1, 2).with("y", 3, 6);
        Conditioning c = condition(encoder, "x:0 y:0", false);
        assertArrayEquals(new float[] {2, 4}, c.cond().floats());
        assertEquals(List.of("Warning: Subprompt weights add up to zero. Discarding and using even weights instead."),
                messages);
    }

    @Test
    void bracketsAreRemovedBeforeTheSplit() {
        FakeEncoder encoder = new FakeEncoder().with("ugly:2", 9, 9).with("a cat", 2, 4).with("a dog", 6, 8);
        Conditioning c = condition(encoder, "a cat:0.5 [ugly:2] a dog:0.5", false);
        assertSame(encoder.tensors.get("ugly:2"), c.uncond());
        assertArrayEquals(new float[] {4, 6}, c.cond().floats());
    }

    @Test
    void theEncodersTensorsAreLeftAlone() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a", 1, 2).with("b", 3, 4);
        condition(encoder, "a:1 b:1", false);
        assertArrayEquals(new float[] {1, 2}, encoder.tensors.get("a").floats());
        assertArrayEquals(new float[] {3, 4}, encoder.tensors.get("b").floats());
    }

    @Test
    void encodingsOfDifferentShapesAreRefused() {
        FakeEncoder encoder = new FakeEncoder().with("", 0, 0).with("a", 1, 2).with("b", 3, 4, 5, 6);
        assertThrows(IllegalStateException.class, () -> condition(encoder, "a:1 b:1", false));
    }
}
