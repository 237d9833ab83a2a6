package io.invoke4j.host.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words of {@code !fix}'s canvas switches, {@code -D DIRECTION [PIXELS]} and
 * {@code -c DIRECTION PIXELS [DIRECTION PIXELS ...]}: which lists InvokeAI's outpaint and outcrop can use, and the
 * pixel counts written as plain decimals ({@code +064} is {@code 64}), so that the request holds numbers any reader
 * takes. Whether {@code -D}'s pixels fit in the image is known only once the image is read.
 */
final class CanvasWords {
    /** The sides InvokeAI extends, in its messages' order. */
    static final List<String> DIRECTIONS = List.of("top", "left", "bottom", "right");
    /**
     * The most pixels {@code -c} adds on a side. InvokeAI set no bound and ran out of memory instead; a canvas
     * grown by more than this is surely a typing mistake.
     */
    static final int MAX_OUTCROP_PIXELS = 8192;

    private CanvasWords() {
    }

    /** {@code -D}: a direction, optionally followed by a pixel count above 0. */
    static boolean isOutDirection(List<String> words) {
        return (words.size() == 1 || words.size() == 2) && DIRECTIONS.contains(words.get(0))
                && (words.size() == 1 || pixels(words.get(1)).isPresent());
    }

    /** {@code -c}: one or more pairs of a direction and a pixel count above 0. */
    static boolean isOutcrop(List<String> words) {
        if (words.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < words.size(); i += 2) {
            if (!DIRECTIONS.contains(words.get(i))
                    || pixels(words.get(i + 1)).filter(px -> px <= MAX_OUTCROP_PIXELS).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The words with every pixel count (each word after a direction) as a plain decimal. */
    static List<String> normalized(List<String> words) {
        List<String> plain = new ArrayList<>(words);
        for (int i = 1; i < plain.size(); i += 2) {
            String word = plain.get(i);
            plain.set(i, pixels(word).map(String::valueOf).orElse(word));
        }
        return plain;
    }

    /** Python's {@code int(word)} when it is above 0 and Java can hold it. */
    private static Optional<Integer> pixels(String word) {
        return PythonNumberSyntax.parseInt(word)
                .filter(n -> n.signum() > 0 && n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0)
                .map(BigInteger::intValue);
    }
}
