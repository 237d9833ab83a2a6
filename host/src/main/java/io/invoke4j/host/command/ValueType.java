package io.invoke4j.host.command;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a switch takes and how its text becomes a value: argparse's {@code type=}, {@code choices=} and
 * {@code nargs='+'} ({@link #oneOrMore}), with argparse's words for a value it refuses.
 *
 * @param <T> the Java type of the value
 */
final class ValueType<T> {

    /** Takes no value: the switch's presence is the value ({@code action='store_true'}). */
    static final ValueType<Boolean> FLAG = new ValueType<>(false, text -> Boolean.TRUE);

    /** Python {@code int} within Java's {@code int} range. */
    static final ValueType<Integer> INT = new ValueType<>(true, text -> integer(text, Integer.MIN_VALUE,
            Integer.MAX_VALUE).intValue());

    /** Python {@code int} within Java's {@code long} range (seeds). */
    static final ValueType<Long> LONG = new ValueType<>(true, text -> integer(text, Long.MIN_VALUE,
            Long.MAX_VALUE).longValue());

    /** Python {@code float}. */
    static final ValueType<Double> FLOAT = new ValueType<>(true, text -> PythonNumberSyntax.parseFloat(text)
            .orElseThrow(() -> new Refused("invalid float value: " + PythonRepr.of(text))));

    /** Any text, as typed. */
    static final ValueType<String> TEXT = new ValueType<>(true, text -> text);

    /** A Python {@code str.format} pattern of the subset {@link PythonFormat} reads, kept as typed. */
    static final ValueType<String> FORMAT_PATTERN = new ValueType<>(true, text -> {
        try {
            PythonFormat.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new Refused("invalid format " + PythonRepr.of(text) + ": " + e.getMessage());
        }
    });

    /**
     * {@code --seamless_axes}: {@code x}, {@code y} or both, comma-separated in either order, read as
     * {@code "x"}, {@code "y"} or {@code "x,y"}. InvokeAI 2.2.5 took any text and looked only for the letters in
     * it, so a mistyped axis silently turned seamless off on that axis; here it is refused.
     */
    static final ValueType<String> AXES = new ValueType<>(true, text -> {
        boolean x = false;
        boolean y = false;
        for (String axis : text.split(",", -1)) {
            switch (axis.strip()) {
                case "x" -> x = true;
                case "y" -> y = true;
                default -> throw new Refused("invalid axis list: " + PythonRepr.of(text) + " (use x, y or x,y)");
            }
        }
        return x && y ? "x,y" : x ? "x" : "y";
    });

    private final boolean takesValue;
    private final Function<String, T> reader;
    /** For {@code nargs='+'}: reads every word taken; {@code null} for a type taking one word. */
    private final Function<List<String>, T> severalReader;

    private ValueType(boolean takesValue, Function<String, T> reader) {
        this(takesValue, reader, null);
    }

    private ValueType(boolean takesValue, Function<String, T> reader, Function<List<String>, T> severalReader) {
        this.takesValue = takesValue;
        this.reader = reader;
        this.severalReader = severalReader;
    }

    /**
     * argparse's {@code nargs='+'}: one or more words, each read as {@code element}; a value attached to the
     * switch ({@code -U2}, {@code --upscale=2}) is one word.
     */
    static <E> ValueType<List<E>> oneOrMore(ValueType<E> element) {
        if (!element.takesValue || element.takesSeveral()) {
            throw new IllegalArgumentException("one or more of what takes one value");
        }
        return new ValueType<>(true, text -> List.of(element.read(text)),
                texts -> texts.stream().map(element::read).toList());
    }

    /** One of {@code choices}, listed in this order when the value is not one of them. */
    static ValueType<String> choice(List<String> choices) {
        List<String> allowed = List.copyOf(choices);
        String listed = allowed.stream().map(PythonRepr::of).collect(Collectors.joining(", "));
        return new ValueType<>(true, text -> {
            if (!allowed.contains(text)) {
                throw new Refused("invalid choice: " + PythonRepr.of(text) + " (choose from " + listed + ")");
            }
            return text;
        });
    }

    /**
     * argparse's {@code type=int, choices=range(from, to + 1)}: an int outside the range is refused as an invalid
     * choice, listing the range.
     */
    static ValueType<Integer> intChoice(int from, int to) {
        String listed = java.util.stream.IntStream.rangeClosed(from, to).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        return new ValueType<>(true, text -> {
            int value = INT.read(text);
            if (value < from || value > to) {
                throw new Refused("invalid choice: " + value + " (choose from " + listed + ")");
            }
            return value;
        });
    }

    /** Whether the switch is followed by a value ({@code -s 5}) or stands alone ({@code -h}). */
    boolean takesValue() {
        return takesValue;
    }

    /** Whether the switch takes every following value word ({@code -U 2 0.5}) rather than one. */
    boolean takesSeveral() {
        return severalReader != null;
    }

    /**
     * Reads the words a {@link #takesSeveral()} switch took.
     *
     * @param texts one or more words as typed
     * @throws Refused with argparse's text for the first word it refuses
     */
    T readSeveral(List<String> texts) {
        if (severalReader == null || texts.isEmpty()) {
            throw new IllegalStateException("takes exactly one value");
        }
        return severalReader.apply(texts);
    }

    /**
     * @param text the value as typed; ignored for a {@link #FLAG}
     * @throws Refused with argparse's text, e.g. {@code invalid int value: 'x'}
     */
    T read(String text) {
        return reader.apply(text);
    }

    private static BigInteger integer(String text, long min, long max) {
        // Python's int has no range; a number Java cannot hold is refused in the same words as a non-number
        return PythonNumberSyntax.parseInt(text)
                .filter(n -> n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0)
                .orElseThrow(() -> new Refused("invalid int value: " + PythonRepr.of(text)));
    }

    /** A value this type does not take; the message lacks the {@code argument -s/--steps: } part. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
