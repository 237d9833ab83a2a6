package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClipTokenizerTest {

    private final ClipTokenizer tokenizer = BundledTokenizer.get();

    @Test
    void encodesTheModelReadmeExample() {
        int[] expected = new int[ClipTokenizer.CONTEXT_LENGTH];
        Arrays.fill(expected, ClipTokenizer.END);
        System.arraycopy(new int[] {49406, 320, 1125, 539, 320, 2368, 49407}, 0, expected, 0, 7);

        assertArrayEquals(expected, tokenizer.encodeForModel("a photo of a cat"));
    }

    @Test
    void theEmptyPromptIsStartThenPadding() {
        int[] ids = tokenizer.encodeForModel("");

        assertEquals(ClipTokenizer.START, ids[0]);
        assertEquals(ClipTokenizer.CONTEXT_LENGTH, ids.length);
        assertEquals(ClipTokenizer.CONTEXT_LENGTH - 1,
                Arrays.stream(ids).filter(id -> id == ClipTokenizer.END).count());
    }

    @Test
    void longPromptsKeepTheirFirst75IdsAndEnd() {
        String prompt = String.join(" ", Collections.nCopies(100, "cat"));
        int[] bpe = tokenizer.encode(prompt);
        int[] ids = tokenizer.encodeForModel(prompt);

        assertEquals(100, bpe.length);
        assertArrayEquals(Arrays.copyOf(bpe, 75), Arrays.copyOfRange(ids, 1, 76));
        assertEquals(ClipTokenizer.END, ids[76]);
    }

    @Test
    void literalSpecialTokensMapToTheirIds() {
        assertArrayEquals(new int[] {ClipTokenizer.START, 2368, ClipTokenizer.END},
                tokenizer.encode("<|startoftext|>cat<|endoftext|>"));
    }

    @Test
    void wordsEndWithTheEndOfWordMarkerAndDigitsStandAlone() {
        assertArrayEquals(new String[] {"cat</w>", "2</w>", "0</w>"},
                tokenizer.tokens(tokenizer.encode("cat 20")));
    }

    @Test
    void unmergeableBytesFallBackToByteSymbols() {
        // U+0378 is unassigned: its two UTF-8 bytes, CD B8, have no merge.
        assertArrayEquals(new String[] {"Í", "¸</w>"}, tokenizer.tokens(tokenizer.encode("\u0378")));
    }

    @Test
    void contractionsSplitOffTheApostrophe() {
        assertArrayEquals(new String[] {"there</w>", "'s</w>"}, tokenizer.tokens(tokenizer.encode("there's")));
    }

    @Test
    void tokensRejectsIdsOutsideTheVocabulary() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.tokens(new int[] {49408}));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.tokens(new int[] {-1}));
    }

    @Test
    void theSpecialTokensAreTheLastTwoIds() {
        assertArrayEquals(new String[] {"<|startoftext|>", "<|endoftext|>"},
                tokenizer.tokens(new int[] {ClipTokenizer.START, ClipTokenizer.END}));
    }

    @Test
    void encodingFromManyThreadsAgreesWithOneThread() throws Exception {
        List<String> prompts = IntStream.range(0, 200).mapToObj(i -> "prompt number " + i + " unusualword" + i % 7)
                .toList();
        List<int[]> sequential = prompts.stream().map(tokenizer::encode).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> parallel = prompts.stream().map(p -> pool.submit(() -> tokenizer.encode(p))).toList();
            for (int i = 0; i < prompts.size(); i++) {
                assertArrayEquals(sequential.get(i), parallel.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
