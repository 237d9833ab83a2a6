package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.host.command.SwitchTable.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the switch words of a line against a {@link SwitchTable} with Python 3.11 argparse's rules: each switch
 * takes the next word unless that word is itself a switch, and an {@code nargs='+'} switch ({@code -U 2 0.5})
 * every following word up to the next switch, at least one; {@code --} makes every later word a plain word (and is
 * itself left over); the last occurrence of a switch wins; the first bad value stops the reading; words nothing
 * takes are reported together at the end as {@code unrecognized arguments: ...}.
 *
 * <p>One deviation: a help switch anywhere on the line asks for help even where argparse would first have
 * stopped at an error earlier on the line, because the user asking for help wants the help.
 */
final class SwitchReader {
    private static final String END_OF_SWITCHES = "--";

    private final SwitchTable table;

    SwitchReader(SwitchTable table) {
        this.table = table;
    }

    /**
     * @return the value of each switch given, by switch, the last occurrence winning
     * @throws CommandException the first problem in argparse's words, or {@link CommandException#helpRequested()}
     */
    Map<Switch<?>, Switch.Value<?>> read(List<String> words) {
        List<Word> classified = classify(words);
        if (classified.stream().anyMatch(w -> w instanceof Word.Option o && o.target() == table.help())) {
            throw CommandException.helpRequested();
        }
        for (Word word : classified) {
            if (word instanceof Word.Ambiguous ambiguous) {
                throw new CommandException(ambiguous.message());
            }
        }
        Map<Switch<?>, Switch.Value<?>> values = new LinkedHashMap<>();
        List<String> leftOver = new ArrayList<>();
        int i = 0;
        while (i < classified.size()) {
            if (classified.get(i) instanceof Word.Option option) {
                i = consume(classified, i, option, values);
            } else {
                leftOver.add(words.get(i));
                i++;
            }
        }
        if (!leftOver.isEmpty()) {
            throw new CommandException("unrecognized arguments: " + String.join(" ", leftOver));
        }
        return values;
    }

    private List<Word> classify(List<String> words) {
        List<Word> classified = new ArrayList<>(words.size());
        boolean afterEnd = false;
        for (String word : words) {
            if (afterEnd) {
                classified.add(new Word.Plain(word));
            } else if (word.equals(END_OF_SWITCHES)) {
                // the marker is neither a value nor a switch: nothing consumes it, so it is left over
                classified.add(new Word.UnknownOption(word));
                afterEnd = true;
            } else {
                classified.add(table.classify(word));
            }
        }
        return classified;
    }

    /** argparse's {@code consume_optional}; returns the index of the first word after the switch's value. */
    private int consume(List<Word> words, int index, Word.Option option, Map<Switch<?>, Switch.Value<?>> values) {
        Switch<?> target = option.target();
        String optionString = option.optionString();
        String attached = option.attached();
        while (attached != null && !target.takesValue()) {
            // -gx is -g -x: the rest of a single-dash word after a flag names the next short switch
            Switch<?> next = optionString.startsWith("--") || attached.isEmpty()
                    ? null
                    : table.exactly("-" + attached.charAt(0));
            if (next == null) {
                throw new CommandException("argument " + target.displayName() + ": ignored explicit argument "
                        + PythonRepr.of(attached));
            }
            store(target.read(null), values);
            target = next;
            optionString = "-" + attached.charAt(0);
            attached = attached.length() > 1 ? attached.substring(1) : null;
        }
        if (!target.takesValue()) {
            store(target.read(null), values);
            return index + 1;
        }
        if (attached != null) {
            // argparse matches an attached value as exactly one, even for nargs='+': -U2 0.5 leaves 0.5 over
            store(target.read(attached), values);
            return index + 1;
        }
        if (target.takesSeveral()) {
            int end = index + 1;
            List<String> taken = new ArrayList<>();
            while (end < words.size() && words.get(end) instanceof Word.Plain value) {
                taken.add(value.text());
                end++;
            }
            if (taken.isEmpty()) {
                throw new CommandException("argument " + target.displayName() + ": expected at least one argument");
            }
            store(target.readSeveral(taken), values);
            return end;
        }
        if (index + 1 < words.size() && words.get(index + 1) instanceof Word.Plain value) {
            store(target.read(value.text()), values);
            return index + 2;
        }
        throw new CommandException("argument " + target.displayName() + ": expected one argument");
    }

    private void store(Switch.Value<?> value, Map<Switch<?>, Switch.Value<?>> values) {
        if (value.source() == table.help()) {
            throw CommandException.helpRequested(); // reached only inside combined flags such as -gh
        }
        values.put(value.source(), value);
    }
}
