package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prompt of {@code refs/clip_tokens.json}, produced by openai's {@code SimpleTokenizer} with ftfy 6.1.1:
 * the ids must match exactly.
 */
class ClipTokenizerReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClipTokenizer tokenizer = BundledTokenizer.get();

    static Stream<Arguments> prompts() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode prompt : reference().get("prompts")) {
            cases.add(Arguments.of(printable(prompt.get("prompt").asText()), prompt));
        }
        return cases.stream();
    }

    @Test
    void theReferenceHoldsFortyPrompts() throws IOException {
        assertEquals(40, reference().get("prompts").size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("prompts")
    void bpeIdsMatch(String label, JsonNode prompt) {
        assertArrayEquals(ints(prompt.get("bpe_ids")), tokenizer.encode(prompt.get("prompt").asText()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("prompts")
    void modelIdsMatch(String label, JsonNode prompt) {
        assertArrayEquals(ints(prompt.get("ids77")), tokenizer.encodeForModel(prompt.get("prompt").asText()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("prompts")
    void normalizedTextAndTokensMatch(String label, JsonNode prompt) {
        String text = prompt.get("prompt").asText();
        assertEquals(prompt.get("normalized").asText(), tokenizer.normalize(text));
        String[] expected = JSON.convertValue(prompt.get("bpe_tokens"), String[].class);
        assertArrayEquals(expected, tokenizer.tokens(tokenizer.encode(text)));
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = ClipTokenizerReferenceTest.class.getResourceAsStream("/refs/clip_tokens.json")) {
            return JSON.readTree(in);
        }
    }

    private static int[] ints(JsonNode array) {
        return JSON.convertValue(array, int[].class);
    }

    /** Test names with control characters spelled out, so reports stay one line per case. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > 60 ? out.substring(0, 57) + "..." : out.toString();
    }
}
