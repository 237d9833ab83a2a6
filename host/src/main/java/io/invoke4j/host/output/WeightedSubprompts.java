package io.invoke4j.host.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InvokeAI's {@code split_weighted_subprompts} with normalisation on, as {@code sd-metadata} records the prompt:
 * {@code a cat:0.7 a dog:0.3} becomes ({@code a cat}, 0.7), ({@code a dog}, 0.3).
 */
final class WeightedSubprompts {

    /** One part of a prompt and its weight. */
    record Subprompt(String text, double weight) {
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

    /** Splits {@code text} and divides each weight by their sum (even weights when the sum is zero). */
    static List<Subprompt> split(String text) {
        List<Subprompt> parts = new ArrayList<>();
        Matcher matcher = SUBPROMPT.matcher(text);
        while (matcher.find()) {
            String weight = matcher.group("weight");
            parts.add(new Subprompt(matcher.group("prompt").replace("\\:", ":"),
                    weight == null ? 1.0 : Double.parseDouble(UnicodeDigits.toAscii(weight))));
        }
        return normalised(parts);
    }

    private static List<Subprompt> normalised(List<Subprompt> parts) {
        double sum = 0; // summed left to right as Python's sum() does, so the quotients match to the last bit
        for (Subprompt part : parts) {
            sum += part.weight();
        }
        List<Subprompt> result = new ArrayList<>(parts.size());
        for (Subprompt part : parts) {
            double weight = sum == 0 ? 1.0 / Math.max(parts.size(), 1) : part.weight() / sum;
            result.add(new Subprompt(part.text(), weight));
        }
        return result;
    }
}
