package io.invoke4j.host.command;

import java.util.Locale;

/**
 * Python's {@code repr(str)}, which argparse uses to quote the offending text in its messages
 * ({@code invalid int value: 'x'}, {@code invalid choice: "it's"}).
 */
final class PythonRepr {
    private PythonRepr() {
    }

    static String of(String text) {
        // Python prefers single quotes and switches to double quotes only to avoid escaping an apostrophe
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder repr = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                repr.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                repr.append("\\t");
            } else if (c == '\n') {
                repr.append("\\n");
            } else if (c == '\r') {
                repr.append("\\r");
            } else if (isPrintable(c)) {
                repr.appendCodePoint(c);
            } else if (c <= 0xff) {
                repr.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else if (c <= 0xffff) {
                repr.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                repr.append(String.format(Locale.ROOT, "\\U%08x", c));
            }
        });
        return repr.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one code point: everything but controls, formats and separators. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
