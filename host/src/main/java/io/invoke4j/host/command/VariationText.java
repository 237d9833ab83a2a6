package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Variation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The text of {@code -V/--with_variations}, {@code seed:weight,seed:weight,...}, read as InvokeAI's
 * {@code split_variations} reads it and written as its canonical command writes it.
 *
 * <p>Reading: the text is split on every {@code ,}, each part on every {@code :} into exactly two pieces, the
 * first read as a Python {@code int} (here within Java's {@code long} range), the second as a Python
 * {@code float}. Empty parts count, so {@code ""}, {@code "1:0.5,"} and the manual's comma form
 * {@code 3647897225,0.1} are refused. Unlike InvokeAI, which printed the message and then ran the command
 * <em>without any</em> variations, a bad part refuses the whole command: the user asked for variations, and an
 * image made without them, recorded without {@code -V}, is not what was asked for.
 */
final class VariationText {
    private VariationText() {
    }

    /**
     * @return the variations in the order typed, never empty
     * @throws CommandException {@code Could not parse with_variations part "<part>"} for the first bad part
     */
    static List<Variation> parse(String text) {
        List<Variation> variations = new ArrayList<>();
        // -1 keeps trailing empty parts, as Python's str.split does
        for (String part : text.split(",", -1)) {
            String[] seedAndWeight = part.split(":", -1);
            if (seedAndWeight.length != 2) {
                throw unparseable(part);
            }
            BigInteger seed = PythonNumberSyntax.parseInt(seedAndWeight[0])
                    .filter(n -> n.bitLength() < Long.SIZE)
                    .orElseThrow(() -> unparseable(part));
            OptionalDouble weight = PythonNumberSyntax.parseFloat(seedAndWeight[1]);
            if (weight.isEmpty()) {
                throw unparseable(part);
            }
            variations.add(new Variation(seed.longValue(), weight.getAsDouble()));
        }
        return variations;
    }

    /** {@code seed:weight,...}, each weight as Python writes a float, as InvokeAI records {@code -V}. */
    static String format(List<Variation> variations) {
        return variations.stream()
                .map(v -> v.seed() + ":" + PythonFloat.format(v.weight()))
                .collect(Collectors.joining(","));
    }

    private static CommandException unparseable(String part) {
        return new CommandException("Could not parse with_variations part \"" + part + "\"");
    }
}
