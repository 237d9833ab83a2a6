package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words the way Python's {@code shlex.split(text, comments=True)} does, which is how InvokeAI
 * 2.2.5 splits an {@code invoke>} line.
 *
 * <p>Whitespace ({@code space, tab, CR, LF}) separates words; {@code '...'} quotes everything literally;
 * inside {@code "..."} a backslash escapes only {@code "} and {@code \} and is kept before anything else; outside
 * quotes a backslash escapes any character; a {@code #} outside quotes, even in the middle of a word, starts a
 * comment that runs to the end of the line. An empty quoted word ({@code ""}) is a word.
 *
 * <p>{@link #quoted} and {@link #doubleQuoted} go the other way, for the canonical command.
 */
public final class ShellWords {
    private static final String WHITESPACE = " \t\r\n";
    private static final char COMMENT = '#';
    private static final char ESCAPE = '\\';

    private enum State { BETWEEN_WORDS, IN_WORD, IN_SINGLE_QUOTES, IN_DOUBLE_QUOTES }

    private ShellWords() {
    }

    /**
     * @throws CommandException {@code No closing quotation} or {@code No escaped character} (shlex's messages)
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false; // a word that had quotes is a word even when empty
        State state = State.BETWEEN_WORDS;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            switch (state) {
                case BETWEEN_WORDS, IN_WORD -> {
                    if (isWhitespace(c) || c == COMMENT) {
                        if (c == COMMENT) {
                            i = endOfLine(text, i);
                        }
                        if (state == State.IN_WORD) {
                            words.add(word.toString());
                            word.setLength(0);
                            quoted = false;
                        }
                        state = State.BETWEEN_WORDS;
                    } else if (c == ESCAPE) {
                        i = appendEscaped(text, i, word, false);
                        state = State.IN_WORD;
                    } else if (c == '\'' || c == '"') {
                        quoted = true;
                        state = c == '\'' ? State.IN_SINGLE_QUOTES : State.IN_DOUBLE_QUOTES;
                    } else {
                        word.append(c);
                        state = State.IN_WORD;
                    }
                }
                case IN_SINGLE_QUOTES -> {
                    if (c == '\'') {
                        state = State.IN_WORD;
                    } else {
                        word.append(c);
                    }
                }
                case IN_DOUBLE_QUOTES -> {
                    if (c == '"') {
                        state = State.IN_WORD;
                    } else if (c == ESCAPE) {
                        i = appendEscaped(text, i, word, true);
                    } else {
                        word.append(c);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        if (state == State.IN_SINGLE_QUOTES || state == State.IN_DOUBLE_QUOTES) {
            throw new CommandException("No closing quotation");
        }
        if (state == State.IN_WORD && (word.length() > 0 || quoted)) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The shell word {@link #split} reads back as {@code text}: the text itself where it has nothing a shell split
     * would change (so an ordinary path is written as InvokeAI wrote it), else {@link #doubleQuoted}.
     */
    static String quoted(String text) {
        boolean plain = !text.isEmpty() && text.chars()
                .noneMatch(c -> isWhitespace((char) c) || c == '\'' || c == '"' || c == ESCAPE || c == COMMENT);
        return plain ? text : doubleQuoted(text);
    }

    /** {@code text} in double quotes, where only {@code "} and {@code \} need a backslash to be read back. */
    static String doubleQuoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Appends the character after a backslash at {@code i - 1}; returns the index after it. */
    private static int appendEscaped(String text, int i, StringBuilder word, boolean inDoubleQuotes) {
        if (i >= text.length()) {
            throw new CommandException("No escaped character");
        }
        char escaped = text.charAt(i);
        if (inDoubleQuotes && escaped != '"' && escaped != ESCAPE) {
            word.append(ESCAPE); // POSIX: inside double quotes "\x" stays "\x"
        }
        word.append(escaped);
        return i + 1;
    }

    private static int endOfLine(String text, int i) {
        int newline = text.indexOf('\n', i);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static boolean isWhitespace(char c) {
        return WHITESPACE.indexOf(c) >= 0;
    }
}
