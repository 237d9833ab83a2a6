package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The declaration of one {@code invoke>} switch: its names, what it takes, where the value goes in the request,
 * its help line and the check its value must pass. Adding a switch to the command language is adding one of
 * these to {@link InvokeSwitches}.
 *
 * <p>Instances are immutable; {@link #help}, {@link #metavar} and {@link #require} return changed copies.
 *
 * @param <T> the value's Java type
 */
final class Switch<T> {
    private final List<String> names;
    private final ValueType<T> type;
    private final BiConsumer<GenerationRequest.Builder, ? super T> target;
    private final String metavar;
    private final String laterMetavar;
    private final String help;
    private final Predicate<? super T> requirement;
    private final String requirementMessage;

    private Switch(List<String> names, ValueType<T> type, BiConsumer<GenerationRequest.Builder, ? super T> target,
            String metavar, String laterMetavar, String help, Predicate<? super T> requirement,
            String requirementMessage) {
        this.names = names;
        this.type = type;
        this.target = target;
        this.metavar = metavar;
        this.laterMetavar = laterMetavar;
        this.help = help;
        this.requirement = requirement;
        this.requirementMessage = requirementMessage;
    }

    /**
     * @param type   what the switch takes
     * @param target where its value goes ({@code GenerationRequest.Builder::steps})
     * @param names  its option strings in argparse's order, which is also the order messages name them in
     */
    static <T> Switch<T> of(ValueType<T> type, BiConsumer<GenerationRequest.Builder, ? super T> target,
            String... names) {
        List<String> nameList = List.of(names);
        if (nameList.isEmpty() || nameList.stream().anyMatch(n -> !n.startsWith("-") || n.length() < 2)) {
            throw new IllegalArgumentException("switch names must start with '-': " + nameList);
        }
        return new Switch<>(nameList, type, target, defaultMetavar(nameList), defaultMetavar(nameList), "", v -> true,
                null);
    }

    /** A copy with this help line. */
    Switch<T> help(String text) {
        return new Switch<>(names, type, target, metavar, laterMetavar, text, requirement, requirementMessage);
    }

    /** A copy whose value is shown as {@code name} in the usage line instead of the upper-cased long name. */
    Switch<T> metavar(String name) {
        return new Switch<>(names, type, target, name, name, help, requirement, requirementMessage);
    }

    /**
     * A copy of a switch taking several values whose first value is shown as {@code first} and the others as
     * {@code later}, as argparse shows a tuple metavar: {@code -D direction [pixels ...]}.
     */
    Switch<T> metavars(String first, String later) {
        return new Switch<>(names, type, target, first, later, help, requirement, requirementMessage);
    }

    /** A copy that refuses a value failing {@code valid}, with {@code message} as the whole error line. */
    Switch<T> require(Predicate<? super T> valid, String message) {
        return new Switch<>(names, type, target, metavar, laterMetavar, help, Objects.requireNonNull(valid),
                Objects.requireNonNull(message));
    }

    List<String> names() {
        return names;
    }

    boolean takesValue() {
        return type.takesValue();
    }

    /** Whether it takes every value word that follows it ({@code nargs='+'}). */
    boolean takesSeveral() {
        return type.takesSeveral();
    }

    String metavar() {
        return metavar;
    }

    /** How the values after the first of a {@link #takesSeveral()} switch are shown. */
    String laterMetavar() {
        return laterMetavar;
    }

    String help() {
        return help;
    }

    /** argparse's name for the switch in messages: {@code -A/-m/--sampler}. */
    String displayName() {
        return String.join("/", names);
    }

    /**
     * Reads the value typed after the switch ({@code null} for a flag).
     *
     * @throws CommandException {@code argument -s/--steps: invalid int value: 'x'} and the like
     */
    Value<T> read(String text) {
        try {
            return new Value<>(this, type.read(text));
        } catch (ValueType.Refused refused) {
            throw new CommandException("argument " + displayName() + ": " + refused.getMessage());
        }
    }

    /**
     * Reads the value words that followed a {@link #takesSeveral()} switch.
     *
     * @throws CommandException {@code argument -U/--upscale: invalid float value: 'x'} and the like
     */
    Value<T> readSeveral(List<String> texts) {
        try {
            return new Value<>(this, type.readSeveral(texts));
        } catch (ValueType.Refused refused) {
            throw new CommandException("argument " + displayName() + ": " + refused.getMessage());
        }
    }

    /** argparse's dest, upper-cased: the first long name without its dashes, else the first short one. */
    private static String defaultMetavar(List<String> names) {
        String dest = names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.get(0));
        return dest.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName();
    }

    /**
     * A value read for a switch, kept until the whole line is read because the last occurrence wins and the
     * checks apply to that one only.
     *
     * @param <T> the value's Java type
     */
    record Value<T>(Switch<T> source, T value) {

        /**
         * Checks the value and stores it in the request.
         *
         * @throws CommandException the switch's requirement message
         */
        void applyTo(GenerationRequest.Builder request) {
            if (!source.requirement.test(value)) {
                throw new CommandException(source.requirementMessage);
            }
            source.target.accept(request, value);
        }
    }
}
