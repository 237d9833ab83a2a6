package io.invoke4j.host.command;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates the prompt from the switches as InvokeAI 2.2.5's {@code Args.parse_cmd} does:
 * <ul>
 *   <li>a line starting with {@code -} has an empty prompt and is all switches;</li>
 *   <li>a line starting with {@code "} is split into shell words; the first is the prompt, the rest are the
 *       switches;</li>
 *   <li>otherwise the prompt is everything before the first whitespace followed by {@code -} or {@code --} and
 *       a letter, kept exactly as typed (spacing, quotes, apostrophes, dash words such as {@code cat-like} or
 *       {@code -5}); with no such place the whole line is the prompt. InvokeAI also wanted a character after
 *       the letter (see {@link #PROMPT_THEN_SWITCHES}).</li>
 * </ul>
 */
final class PromptSplitter {
    /**
     * InvokeAI's {@code ^(.+?)\s(--?[a-zA-Z].+)} with Python's meaning of {@code .} (anything but a newline) and
     * of {@code \s} (Unicode whitespace), except that the last {@code +} is a {@code *}: InvokeAI needs a
     * character after the switch's letter, so a one-letter switch ending the line ({@code a cat -h}, and flags
     * such as {@code -g}) silently became part of the prompt.
     */
    private static final Pattern PROMPT_THEN_SWITCHES = Pattern.compile("^(.+?)\\s(--?[a-zA-Z].*)",
            Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    private PromptSplitter() {
    }

    /** @throws io.invoke4j.api.CommandException when the switches cannot be split into words */
    static Split split(String line) {
        if (line.startsWith("-")) {
            return new Split("", ShellWords.split(line));
        }
        if (line.startsWith("\"")) {
            List<String> words = ShellWords.split(line);
            return new Split(words.get(0), words.subList(1, words.size()));
        }
        Matcher matcher = PROMPT_THEN_SWITCHES.matcher(line);
        if (matcher.lookingAt()) {
            return new Split(matcher.group(1), ShellWords.split(matcher.group(2)));
        }
        return new Split(line, List.of());
    }

    /**
     * @param prompt       the prompt text
     * @param switchWords  the rest of the line as shell words, comments removed
     */
    record Split(String prompt, List<String> switchWords) {
        Split {
            switchWords = List.copyOf(switchWords);
        }
    }
}
