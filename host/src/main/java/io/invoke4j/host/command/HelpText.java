package io.invoke4j.host.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -h} text of a {@link SwitchTable}, laid out as argparse lays out help for an 80-column terminal:
 * the usage line, a description, then each section with one entry per switch, its help at column 24 and wrapped
 * to the width.
 */
final class HelpText {
    private static final int WIDTH = 78; // argparse: terminal columns minus 2
    private static final int HELP_COLUMN = 24;
    private static final int INDENT = 2;

    private static final String PROMPT_HELP = "the text to draw; it may be put in double quotes and may contain"
            + " [negative text] and text:weight parts";
    private static final String DESCRIPTION = String.join("\n",
            "Generates images from a text prompt. The prompt comes first, then the",
            "switches; a switch that is not given takes its start-up value.",
            "",
            "    invoke> a fantastic alien landscape -W576 -H512 -s60 -n4",
            "    invoke> \"a cat on a mat\" -S 42 -A k_euler_a -C 9.5");

    private HelpText() {
    }

    static String of(SwitchTable table) {
        StringBuilder text = new StringBuilder();
        text.append(usage(table)).append("\n\n").append(DESCRIPTION).append("\n\n");
        text.append("positional arguments:\n").append(entry("prompt", PROMPT_HELP)).append('\n');
        text.append("options:\n").append(entry(invocation(table.help()), table.help().help()));
        for (SwitchTable.Section section : table.sections()) {
            text.append('\n').append(section.title()).append(":\n");
            section.switches().forEach(declared -> text.append(entry(invocation(declared), declared.help())));
        }
        return text.toString();
    }

    /** Kept on one line, as InvokeAI prints it, however long it gets. */
    private static String usage(SwitchTable table) {
        String switches = table.switches().stream().map(HelpText::usageItem).collect(Collectors.joining(" "));
        return "usage: invoke> " + usageItem(table.help()) + " prompt " + switches;
    }

    private static String usageItem(Switch<?> declared) {
        return "[" + withValues(declared.names().get(0), declared) + "]";
    }

    /** argparse's invocation: every name, each with the metavar when the switch takes a value. */
    private static String invocation(Switch<?> declared) {
        return declared.names().stream()
                .map(name -> withValues(name, declared))
                .collect(Collectors.joining(", "));
    }

    /** {@code -s STEPS}; {@code -U UPSCALE [UPSCALE ...]} for one or more values, as argparse writes them. */
    private static String withValues(String name, Switch<?> declared) {
        if (!declared.takesValue()) {
            return name;
        }
        String metavar = declared.metavar();
        return declared.takesSeveral() ? name + " " + metavar + " [" + declared.laterMetavar() + " ...]"
                : name + " " + metavar;
    }

    private static String entry(String invocation, String help) {
        StringBuilder entry = new StringBuilder(" ".repeat(INDENT)).append(invocation);
        List<String> helpLines = wrap(help, WIDTH - HELP_COLUMN);
        if (helpLines.isEmpty()) {
            return entry.append('\n').toString();
        }
        // argparse keeps the help on the invocation's line only when two spaces still fit before its column
        if (INDENT + invocation.length() + 2 <= HELP_COLUMN) {
            entry.append(" ".repeat(HELP_COLUMN - INDENT - invocation.length())).append(helpLines.get(0));
            helpLines = helpLines.subList(1, helpLines.size());
        }
        for (String line : helpLines) {
            entry.append('\n').append(" ".repeat(HELP_COLUMN)).append(line);
        }
        return entry.append('\n').toString();
    }

    /** Greedy word wrap; a word longer than the width gets a line of its own. */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
