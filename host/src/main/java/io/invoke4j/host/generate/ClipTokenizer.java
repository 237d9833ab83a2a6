package io.invoke4j.host.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String START_TOKEN = "<|startoftext|>";
    private static final String END_TOKEN = "<|endoftext|>";
    private static final String END_OF_WORD = "</w>";

    /** CLIP's split: special tokens, contractions, letter runs, single digits, runs of anything else. */
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    /** GPT-2's {@code bytes_to_unicode}: a printable character for every byte, so no piece holds a space. */
    private static final char[] BYTE_SYMBOLS = byteSymbols();

    private final Map<String, Integer> vocab;
    private final String[] symbolsById;
    /** Merge rank by pair, keyed {@code "first second"} as the pair is written in {@code merges.txt}. */
    private final Map<String, Integer> mergeRanks;
    /** BPE ids by byte-encoded piece; a piece's ids never change, and prompts repeat words a lot. */
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(Map<String, Integer> vocab, Map<String, Integer> mergeRanks) {
        this.vocab = vocab;
        this.mergeRanks = mergeRanks;
        int size = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.symbolsById = new String[size];
        vocab.forEach((symbol, id) -> symbolsById[id] = symbol);
        // openai's cache starts with the special tokens, which is how they reach their own ids.
        cache.put(START_TOKEN, new int[] {id(START_TOKEN)});
        cache.put(END_TOKEN, new int[] {id(END_TOKEN)});
    }

    /** Reads {@code vocab.json} and {@code merges.txt} from a tokenizer folder. */
    public static ClipTokenizer load(Path tokenizerDir) {
        try {
            Map<String, Integer> vocab = new ObjectMapper().readValue(
                    tokenizerDir.resolve("vocab.json").toFile(), new TypeReference<HashMap<String, Integer>>() { });
            List<String> lines = Files.readAllLines(tokenizerDir.resolve("merges.txt"), StandardCharsets.UTF_8);
            Map<String, Integer> ranks = new HashMap<>();
            int rank = 0;
            for (String line : lines) {
                if (line.startsWith("#version") || line.isBlank()) {
                    continue;
                }
                ranks.put(String.join(" ", line.trim().split("\\s+")), rank++);
            }
            return new ClipTokenizer(vocab, ranks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer in " + tokenizerDir, e);
        }
    }

    /** The text the BPE splitter sees: ftfy-fixed, HTML-unescaped, whitespace-collapsed, lower-cased. */
    public String normalize(String text) {
        return ClipTextCleaner.clean(text);
    }

    /** The BPE ids of {@code text}, without start and end tokens, not truncated. */
    public int[] encode(String text) {
        Matcher pieces = PIECES.matcher(normalize(text));
        List<int[]> parts = new ArrayList<>();
        int count = 0;
        while (pieces.find()) {
            int[] ids = cache.computeIfAbsent(byteEncode(pieces.group()), this::bpe);
            parts.add(ids);
            count += ids.length;
        }
        int[] out = new int[count];
        int at = 0;
        for (int[] ids : parts) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
        }
        return out;
    }

    /** The vocabulary strings of {@code ids} ({@code </w>} marks the end of a word). */
    public String[] tokens(int[] ids) {
        String[] out = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= symbolsById.length || symbolsById[ids[i]] == null) {
                throw new IllegalArgumentException("no token has id " + ids[i]);
            }
            out[i] = symbolsById[ids[i]];
        }
        return out;
    }

    /** What the SD 1.x text encoder gets: START, the first 75 BPE ids, END, padded with END to 77. */
    public int[] encodeForModel(String text) {
        int[] bpe = encode(text);
        int kept = Math.min(bpe.length, CONTEXT_LENGTH - 2);
        int[] out = new int[CONTEXT_LENGTH];
        Arrays.fill(out, END);
        out[0] = START;
        System.arraycopy(bpe, 0, out, 1, kept);
        return out;
    }

    /**
     * openai's {@code bpe}: the piece as single symbols, {@code </w>} on the last, then the lowest-ranked
     * adjacent pair merged everywhere (left to right) until no adjacent pair has a rank.
     */
    private int[] bpe(String piece) {
        List<String> word = new ArrayList<>(piece.length());
        for (int i = 0; i < piece.length() - 1; i++) {
            word.add(String.valueOf(piece.charAt(i)));
        }
        word.add(piece.charAt(piece.length() - 1) + END_OF_WORD);

        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        return word.stream().mapToInt(this::id).toArray();
    }

    private int id(String symbol) {
        Integer id = vocab.get(symbol);
        if (id == null) {
            throw new IllegalStateException("the vocabulary has no " + symbol);
        }
        return id;
    }

    private static String byteEncode(String piece) {
        byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
        char[] symbols = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            symbols[i] = BYTE_SYMBOLS[utf8[i] & 0xFF];
        }
        return new String(symbols);
    }

    private static char[] byteSymbols() {
        char[] symbols = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            // Bytes that are not printable Latin-1 get the code points from U+0100 up, in byte order.
            symbols[b] = printable ? (char) b : (char) (256 + next++);
        }
        return symbols;
    }
}
