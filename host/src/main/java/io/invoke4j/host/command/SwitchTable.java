package io.invoke4j.host.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The switches of the command language in their help sections, and how a word on the line names one of them:
 * Python 3.11 argparse's rules for exact names, {@code --name=value}, attached short values ({@code -s150}),
 * unique prefixes of long names ({@code --ste}), and the words that look like options but are values
 * ({@code -5}, {@code -0.5}, text with a space).
 *
 * <p>Names of InvokeAI switches the table does not read yet are matched only when typed in full, so that the
 * abbreviations accepted today and the ambiguity messages do not depend on switches that do not exist yet.
 */
final class SwitchTable {
    /** argparse's {@code _negative_number_matcher}. */
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+|-\\d*\\.\\d+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final Switch<Boolean> help;
    private final List<Section> sections;
    /** Every option string in declaration order: argparse lists ambiguous matches in this order. */
    private final Map<String, Switch<?>> byOptionString = new LinkedHashMap<>();
    private final Set<String> unreadNames;
    private final boolean hasNegativeNumberNames;

    /**
     * @param help        the switch that asks for the help text ({@code -h, --help})
     * @param sections    the other switches, grouped under the help text's headings
     * @param unreadNames names of switches InvokeAI has and this table does not: typed in full they are
     *                    unrecognized, where argparse would otherwise read {@code -save_orig} as {@code -s ave_orig}
     */
    SwitchTable(Switch<Boolean> help, List<Section> sections, Set<String> unreadNames) {
        this.help = help;
        this.sections = List.copyOf(sections);
        this.unreadNames = Set.copyOf(unreadNames);
        register(help);
        this.sections.forEach(section -> section.switches().forEach(this::register));
        this.hasNegativeNumberNames = byOptionString.keySet().stream()
                .anyMatch(name -> NEGATIVE_NUMBER.matcher(name).matches());
    }

    private void register(Switch<?> declared) {
        for (String name : declared.names()) {
            if (unreadNames.contains(name)) {
                throw new IllegalArgumentException("switch name declared and listed as not read: " + name);
            }
            if (byOptionString.putIfAbsent(name, declared) != null) {
                throw new IllegalArgumentException("switch name declared twice: " + name);
            }
        }
    }

    Switch<Boolean> help() {
        return help;
    }

    List<Section> sections() {
        return sections;
    }

    /** The switches other than help, in declaration order. */
    List<Switch<?>> switches() {
        return sections.stream().flatMap(section -> section.switches().stream()).collect(Collectors.toList());
    }

    /** The switch with exactly this option string, or {@code null}. */
    Switch<?> exactly(String optionString) {
        return byOptionString.get(optionString);
    }

    /** What a word is to argparse (its {@code _parse_optional}). */
    Word classify(String word) {
        if (word.isEmpty() || word.charAt(0) != '-') {
            return new Word.Plain(word);
        }
        Switch<?> exact = exactly(word);
        if (exact != null) {
            return new Word.Option(exact, word, null);
        }
        if (unreadNames.contains(word)) {
            return new Word.UnknownOption(word);
        }
        if (word.length() == 1) {
            return new Word.Plain(word);
        }
        int equals = word.indexOf('=');
        if (equals >= 0) {
            Switch<?> named = exactly(word.substring(0, equals));
            if (named != null) {
                return new Word.Option(named, word.substring(0, equals), word.substring(equals + 1));
            }
            if (unreadNames.contains(word.substring(0, equals))) {
                return new Word.UnknownOption(word);
            }
        }
        List<Word.Option> candidates = candidates(word);
        if (candidates.size() > 1) {
            String names = candidates.stream().map(Word.Option::optionString).collect(Collectors.joining(", "));
            return new Word.Ambiguous(word, "ambiguous option: " + word + " could match " + names);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (NEGATIVE_NUMBER.matcher(word).matches() && !hasNegativeNumberNames) {
            return new Word.Plain(word);
        }
        if (word.contains(" ")) {
            return new Word.Plain(word);
        }
        return new Word.UnknownOption(word);
    }

    /** argparse's {@code _get_option_tuples}: the names a word could abbreviate or carry a value for. */
    private List<Word.Option> candidates(String word) {
        List<Word.Option> found = new ArrayList<>();
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            String prefix = equals >= 0 ? word.substring(0, equals) : word;
            String attached = equals >= 0 ? word.substring(equals + 1) : null;
            byOptionString.forEach((name, declared) -> {
                if (name.startsWith(prefix)) {
                    found.add(new Word.Option(declared, name, attached));
                }
            });
        } else {
            // a one-letter name may carry its value (-s150); a longer single-dash name (-save_orig) may be
            // abbreviated, and both readings can match at once (-sa)
            String shortName = word.substring(0, 2);
            byOptionString.forEach((name, declared) -> {
                if (name.equals(shortName)) {
                    found.add(new Word.Option(declared, name, word.substring(2)));
                } else if (name.startsWith(word)) {
                    found.add(new Word.Option(declared, name, null));
                }
            });
        }
        return found;
    }

    /**
     * A heading of the help text and the switches under it.
     *
     * @param title    the heading, e.g. {@code General rendering}
     * @param switches the switches in usage order
     */
    record Section(String title, List<Switch<?>> switches) {
        Section {
            switches = List.copyOf(switches);
        }
    }

    /** One word of the switch part of a line, as argparse sees it. */
    sealed interface Word {
        /** A value, or a word nothing consumes. */
        record Plain(String text) implements Word {
        }

        /**
         * A switch.
         *
         * @param optionString the full name it was recognised as
         * @param attached     the value carried in the same word ({@code -s150}, {@code --seed=1}), or null
         */
        record Option(Switch<?> target, String optionString, String attached) implements Word {
        }

        /** Looks like a switch but names none. */
        record UnknownOption(String text) implements Word {
        }

        /** Abbreviates more than one switch. */
        record Ambiguous(String text, String message) implements Word {
        }
    }
}
