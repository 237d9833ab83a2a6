package io.invoke4j.host.prompt;

import io.invoke4j.host.command.UnicodeDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InvokeAI's {@code split_weighted_subprompts} (command-language.md §5.2): {@code a cat:0.7 a dog:0.3} becomes
 * ({@code a cat}, 0.7), ({@code a dog}, 0.3). A sub-prompt runs up to the next {@code :} ({@code \:} is a
 * literal colon); colons then an optional weight ({@code -?\d+(\.\d+)?}, 1 when missing) and any whitespace end
 * it. Text before a leading colon is skipped.
 */
public final class WeightedSubprompts {

    /** What InvokeAI prints when normalising weights that add up to zero. */
    public static final String ZERO_SUM_WARNING =
            "Warning: Subprompt weights add up to zero. Discarding and using even weights instead.";

    /**
     * One part of a prompt and its weight.
     *
     * @param text   the part as typed, {@code \:} turned into {@code :}, surrounding spaces kept
     * @param weight its weight, normalised or as typed depending on how it was split
     */
    public record Subprompt(String text, double weight) {
    }

    /*
     * The Python pattern, flag for flag: Python's str patterns treat \d and \s as Unicode classes, and its '$'
     * matches before a final '\n' only, which UNIX_LINES gives Java.
     */
    private static final Pattern SUBPROMPT = Pattern.compile(
            "(?<prompt>(?:\\\\:|[^:])+)(?::+(?<weight>-?\\d+(?:\\.\\d+)?)?\\s*|$)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);

    private WeightedSubprompts() {
    }

    /**
     * Splits {@code text} and normalises the weights silently, as {@code sd-metadata} records the prompt (the
     * zero-sum warning belongs to the generation, which reports it once).
     */
    public static List<Subprompt> split(String text) {
        return split(text, false, message -> { });
    }

    /**
     * Splits {@code text}; unless {@code skipNormalize} ({@code -x}), divides each weight by their sum, or, when
     * they add up to zero, sends {@link #ZERO_SUM_WARNING} to {@code messages} and gives each part 1/n.
     * An empty text has no parts and no warning.
     */
    public static List<Subprompt> split(String text, boolean skipNormalize, Consumer<String> messages) {
        List<Subprompt> parts = parse(text);
        return skipNormalize ? parts : normalised(parts, messages);
    }

    /** Splits {@code text}, each weight as typed. */
    public static List<Subprompt> parse(String text) {
        List<Subprompt> parts = new ArrayList<>();
        Matcher matcher = SUBPROMPT.matcher(text);
        while (matcher.find()) {
            String weight = matcher.group("weight");
            parts.add(new Subprompt(matcher.group("prompt").replace("\\:", ":"),
                    weight == null ? 1.0 : Double.parseDouble(UnicodeDigits.toAscii(weight))));
        }
        return parts;
    }

    private static List<Subprompt> normalised(List<Subprompt> parts, Consumer<String> messages) {
        double sum = 0; // summed left to right as Python's sum() does, so the quotients match to the last bit
        for (Subprompt part : parts) {
            sum += part.weight();
        }
        /*
         * InvokeAI also warns for a prompt with no parts at all (its sum is 0 too); there is no weight to discard
         * then, so invoke4j stays quiet.
         */
        if (sum == 0 && !parts.isEmpty()) {
            messages.accept(ZERO_SUM_WARNING);
        }
        List<Subprompt> result = new ArrayList<>(parts.size());
        for (Subprompt part : parts) {
            double weight = sum == 0 ? 1.0 / parts.size() : part.weight() / sum;
            result.add(new Subprompt(part.text(), weight));
        }
        return result;
    }
}
