package io.invoke4j.host.command;

/**
 * Python reads any Unicode decimal digit that its regex {@code \d} matched ({@code int('٣') == 3}); Java's
 * number parsers do not, or only inside the Basic Multilingual Plane. This turns them into ASCII first. Used
 * wherever InvokeAI reads a number out of text with a regex: prompt weights and file-name counters.
 */
public final class UnicodeDigits {
    private UnicodeDigits() {
    }

    /** {@code text} with every Unicode decimal digit replaced by its ASCII digit; other characters kept. */
    public static String toAscii(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                ascii.append((char) ('0' + Character.digit(c, 10)));
            } else {
                ascii.appendCodePoint(c);
            }
        });
        return ascii.toString();
    }
}
