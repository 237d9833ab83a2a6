package io.invoke4j.host.prompt;

import io.invoke4j.host.generate.ClipTokenizer;
import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What {@code -t} / {@code --log_tokenization} prints, in InvokeAI v2.0.x's format (command-language.md §5.4),
 * for each text encoded into the conditional:
 * <pre>
 * (empty line)
 * &gt;&gt; Tokens (3), Weight (0.70):
 * ESC[0;31;40ma ESC[0;32;40mred ESC[0;33;40mcat ESC[0m
 * </pre>
 * Each token is a CLIP BPE piece with its end-of-word mark {@code </w>} shown as a space, coloured by its position
 * (31 to 36 on black, in turn). Tokens past what the model reads follow on a second line,
 * {@code >> Tokens Discarded (n):}, all in one colour since the colour counts the used tokens only.
 *
 * <p>Deviation: InvokeAI shows up to 77 tokens as used, its encoder's context length, although the start and end
 * tokens take two of those places; invoke4j shows the {@value #USED_TOKENS} the model really reads.
 */
public final class TokenizationLog {
    /** The BPE tokens the text encoder reads: its 77 places less the start and end tokens. */
    public static final int USED_TOKENS = ClipTokenizer.CONTEXT_LENGTH - 2;

    private static final String END_OF_WORD = "</w>";
    private static final String RESET = "\u001b[0m";
    private static final int COLOURS = 6;

    private final ClipTokenizer tokenizer;
    private final boolean colour;

    /**
     * @param tokenizer the model's tokenizer
     * @param colour    whether the terminal shows colours; without, no escape sequence is written at all and the
     *                  tokens run together (the spaces that end words still separate them)
     */
    public TokenizationLog(ClipTokenizer tokenizer, boolean colour) {
        this.tokenizer = Objects.requireNonNull(tokenizer);
        this.colour = colour;
    }

    /** {@link #format(String, double)} of each part in turn, concatenated. */
    public String format(List<Subprompt> encoded) {
        StringBuilder out = new StringBuilder();
        for (Subprompt part : encoded) {
            out.append(format(part.text(), part.weight()));
        }
        return out.toString();
    }

    /**
     * Exactly what InvokeAI writes to the console for {@code text} encoded with {@code weight}: its print calls'
     * text, each followed by the newline print adds. Write it as it is ({@code print}, not {@code println}).
     */
    public String format(String text, double weight) {
        String[] tokens = tokenizer.tokens(tokenizer.encode(text));
        int used = Math.min(tokens.length, USED_TOKENS);
        StringBuilder out = new StringBuilder();
        out.append("\n>> Tokens (").append(used).append("), Weight (").append(twoDecimals(weight)).append("):\n");
        appendTokens(out, tokens, 0, used);
        if (used < tokens.length) {
            out.append(">> Tokens Discarded (").append(tokens.length - used).append("):\n");
            appendTokens(out, tokens, used, tokens.length);
        }
        return out.toString();
    }

    private void appendTokens(StringBuilder out, String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (colour) {
                // InvokeAI counts only the tokens it used, so every discarded token gets the colour after the last
                int shown = Math.min(i, USED_TOKENS);
                out.append("\u001b[0;3").append(shown % COLOURS + 1).append(";40m");
            }
            out.append(tokens[i].replace(END_OF_WORD, " "));
        }
        if (colour) {
            out.append(RESET);
        }
        out.append('\n');
    }

    /** Python's {@code format(value, '.2f')}: the exact binary value rounded half-even, sign of zero kept. */
    static String twoDecimals(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String digits = new BigDecimal(Math.abs(value)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? "-" + digits : digits;
    }
}
