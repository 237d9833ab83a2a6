package io.invoke4j.host.noise;

import static io.invoke4j.host.testing.ReferenceJson.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Mt19937}'s raw words against {@code std::mt19937} / numpy ({@code refs/torch_randn.json}). */
class Mt19937Test {

    private static final JsonNode RAW_WORDS = ReferenceJson.load("torch_randn.json").get("mt19937_raw_words");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {0, 42, 5489})
    void initGenrandGivesTheStandardStream(int seed) {
        long[] expected = longs(RAW_WORDS.get("by_seed").get(Integer.toString(seed)));
        Mt19937 engine = new Mt19937();
        engine.initGenrand(seed);

        long[] words = new long[expected.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = engine.nextInt() & 0xFFFFFFFFL;
        }

        assertArrayEquals(expected, words);
    }

    @Test
    void tenThousandthOutputOfTheDefaultSeedIsTheCxxStandardsCheckValue() {
        // C++11 [rand.predef]: the 10000th invocation of a default-constructed std::mt19937 yields 4123659995
        Mt19937 engine = new Mt19937();
        engine.initGenrand(5489);
        for (int i = 1; i < 10_000; i++) {
            engine.nextInt();
        }
        assertEquals(4123659995L, engine.nextInt() & 0xFFFFFFFFL);
    }
}
