package io.invoke4j.host.generate;

import java.nio.file.Path;

/**
 * CLIP's byte-level BPE tokenizer (openai {@code SimpleTokenizer}) over a diffusers {@code tokenizer/} folder
 * ({@code vocab.json}, {@code merges.txt}). Thread-safe once built.
 */
public final class ClipTokenizer {
    /** {@code <|startoftext|>}. */
    public static final int START = 49406;
    /** {@code <|endoftext|>}, also the padding id for SD 1.x. */
    public static final int END = 49407;
    /** The text encoder's context length. */
    public static final int CONTEXT_LENGTH = 77;

    /** Reads {@code vocab.json} and {@code merges.txt} from a tokenizer folder. */
    public static ClipTokenizer load(Path tokenizerDir) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The BPE ids of {@code text}, without start and end tokens, not truncated. */
    public int[] encode(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The vocabulary strings of {@code ids} ({@code </w>} marks the end of a word). */
    public String[] tokens(int[] ids) {
        throw new UnsupportedOperationException("TODO");
    }

    /** What the SD 1.x text encoder gets: START, the first 75 BPE ids, END, padded with END to 77. */
    public int[] encodeForModel(String text) {
        throw new UnsupportedOperationException("TODO");
    }
}
