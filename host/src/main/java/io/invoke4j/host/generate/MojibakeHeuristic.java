package io.invoke4j.host.generate;

import java.util.regex.Pattern;

/**
 * ftfy 6.1's {@code badness.is_bad}: whether text contains a juxtaposition of characters that is far more
 * likely to be UTF-8 misread in a one-byte encoding (mojibake) than meant. The categories and the
 * alternatives are ftfy's; ftfy only re-decodes text this says is bad, so a false positive here would
 * change a correct prompt.
 */
final class MojibakeHeuristic {

    // Characters that turn up in mojibake and in ordinary text alike; they only count as evidence
    // alongside others.
    private static final String COMMON = "\u00A0\u00AD\u00B7\u00B4\u2013\u2014\u2015\u2026\u2019";
    // C1 controls have no use outside mojibake any more.
    private static final String C1 = range(0x80, 0x9F);
    // Characters that are nearly always mojibake; the ordinal indicators only in company.
    private static final String BAD = "\u00A6\u00A4\u00A8\u00AC\u00AF\u00B6\u00A7\u00B8\u0192\u02C6\u02C7\u02D8"
            + "\u02DB\u02DC\u2020\u2021\u2030\u2310\u25CA\uFFFD\u00AA\u00BA";
    private static final String CURRENCY = "\u00A2\u00A3\u00A5\u20A7\u20AC";
    private static final String START_PUNCTUATION = "\u00A1\u00AB\u00BF\u00A9\u0384\u0385\u2018\u201A\u201C"
            + "\u201E\u2022\u2039\uF8FF";
    private static final String END_PUNCTUATION = "\u00AE\u00BB\u02DD\u201D\u203A\u2122";
    private static final String NUMERIC = "\u00B2\u00B3\u00B9\u00B1\u00BC\u00BD\u00BE\u00D7\u00B5\u00F7\u2044"
            + "\u2202\u2206\u220F\u2211\u221A\u221E\u2229\u222B\u2248\u2260\u2261\u2264\u2265\u2116";
    // Letters that make up emoticon faces, so they may sit in odd company on purpose.
    private static final String KAOMOJI = range(0xD2, 0xD6) + range(0xD9, 0xDC) + range(0xF2, 0xF6)
            + range(0xF8, 0xFC) + "\u0150\u00B0";
    // Capital O's and U's that kaomoji use are left out, but Ø is in: it is common in Arabic mojibake.
    private static final String UPPER_ACCENTED = range(0xC0, 0xD1) + "\u00D8\u00DC\u00DD\u0102\u0104\u0106"
            + "\u010C\u010E\u0110\u0118\u011A\u011E\u0130\u0139\u013D\u0141\u0143\u0147\u0152\u0158\u015A\u015E"
            + "\u0160\u0162\u0164\u016E\u0170\u0178\u0179\u017B\u017D\u0490";
    private static final String LOWER_ACCENTED = "\u00DF" + range(0xE0, 0xF1) + "\u0103\u0105\u0107\u010D"
            + "\u010F\u0111\u0119\u011B\u011F\u013A\u013E\u0142\u0153\u0155\u015B\u015F\u0161\u0165\u00FC\u017A"
            + "\u017C\u017E\u0491\uFB01\uFB02";
    // Greek and Cyrillic letters, which commonly end words where accented Latin ones would look wrong.
    private static final String UPPER_COMMON = "\u00DE" + range(0x391, 0x3A9) + "\u0386\u0388\u0389\u038A"
            + "\u038C\u038E\u038F\u03AA\u03AB" + range(0x401, 0x42F);
    private static final String LOWER_COMMON = range(0x3B1, 0x3C9) + "\u03AC\u03AD\u03AE\u03AF\u03B0"
            + range(0x430, 0x45F);
    // The single horizontal line is left out: kaomoji use it.
    private static final String BOX = "\u2502\u250C\u2510\u2518\u251C\u2524\u252C\u253C" + range(0x2550, 0x256C)
            + "\u2580\u2584\u2588\u258C\u2590\u2591\u2592\u2593";

    private static final String PY_WORD = "[\\p{L}\\p{N}_]";
    private static final String PY_SPACE = "[\\s\\x1C-\\x1F]";

    private static final Pattern BADNESS = Pattern.compile(String.join("|",
            cls(C1),
            cls(BAD, LOWER_ACCENTED, UPPER_ACCENTED, BOX, START_PUNCTUATION, END_PUNCTUATION, CURRENCY, NUMERIC)
                    + cls(BAD),
            "[a-zA-Z]" + cls(LOWER_COMMON, UPPER_COMMON) + cls(BAD),
            cls(BAD) + cls(LOWER_ACCENTED, UPPER_ACCENTED, BOX, START_PUNCTUATION, END_PUNCTUATION, CURRENCY,
                    NUMERIC),
            cls(LOWER_ACCENTED, LOWER_COMMON, BOX, END_PUNCTUATION, CURRENCY, NUMERIC) + cls(UPPER_ACCENTED),
            cls(BOX, END_PUNCTUATION, CURRENCY, NUMERIC) + cls(LOWER_ACCENTED),
            // [upper_accented][currency] alone is left out: leetspeak-like writing uses it.
            cls(LOWER_ACCENTED, BOX, END_PUNCTUATION) + cls(CURRENCY),
            PY_SPACE + cls(UPPER_ACCENTED) + cls(CURRENCY),
            cls(UPPER_ACCENTED, BOX) + cls(NUMERIC),
            cls(LOWER_ACCENTED, UPPER_ACCENTED, BOX, CURRENCY, END_PUNCTUATION) + cls(START_PUNCTUATION)
                    + cls(NUMERIC),
            cls(LOWER_ACCENTED, UPPER_ACCENTED, CURRENCY, NUMERIC, BOX) + cls(END_PUNCTUATION)
                    + cls(START_PUNCTUATION),
            cls(CURRENCY, NUMERIC, BOX) + cls(START_PUNCTUATION),
            "[a-z]" + cls(UPPER_ACCENTED) + cls(START_PUNCTUATION, CURRENCY),
            cls(BOX) + cls(KAOMOJI),
            cls(LOWER_ACCENTED, UPPER_ACCENTED, CURRENCY, NUMERIC, START_PUNCTUATION, END_PUNCTUATION)
                    + cls(BOX),
            cls(BOX) + cls(END_PUNCTUATION),
            cls(LOWER_ACCENTED, UPPER_ACCENTED) + cls(END_PUNCTUATION) + PY_WORD,
            // The ligature œ when no unaccented Latin letter follows.
            "[\u0152\u0153][^A-Za-z]",
            // Common two-character Windows-1252 mojibake the rules above miss ("Ã©" for "é").
            "[\u00C2\u00C3\u00CE\u00D0]" + cls("\u20AC\u0160\u0161\u00A2\u00A3\u0178\u017E\u00A0\u00AD\u00AE\u00A9"
                    + "\u00B0\u00B7\u00BB", START_PUNCTUATION, END_PUNCTUATION, "\u2013\u2014\u00B4"),
            "\u00D7[\u00B2\u00B3]",
            // Windows-1252 mojibake of Arabic needs the common characters, so it takes four in a row.
            "[\u00D8\u00D9]" + cls(COMMON, CURRENCY, BAD, NUMERIC, START_PUNCTUATION, "\u0178\u0160\u00AE\u00B0\u00B5\u00BB")
                    + "[\u00D8\u00D9]" + cls(COMMON, CURRENCY, BAD, NUMERIC, START_PUNCTUATION,
                    "\u0178\u0160\u00AE\u00B0\u00B5\u00BB"),
            // Windows-1252 mojibake that starts three-byte South Asian letters.
            "\u00E0[\u00B2\u00B5\u00B9\u00BC\u00BD\u00BE]",
            // MacRoman mojibake.
            "\u221A[\u00B1\u2202\u2020\u2260\u00AE\u2122\u00B4\u2264\u2265\u00A5\u00B5\u00F8]",
            "\u2248[\u00B0\u00A2]",
            "\u201A\u00C4[\u00EC\u00EE\u00EF\u00F2\u00F4\u00FA\u00F9\u00FB\u2020\u00B0\u00A2\u03C0]",
            "\u201A[\u00E2\u00F3][\u00E0\u00E4\u00B0\u00EA]",
            // Windows-1251 mojibake of the U+2000 punctuation block.
            "\u0432\u0402",
            // Windows-1251 mojibake of Latin-1 or Cyrillic; two letters could be real, so it takes three.
            "[\u0412\u0413\u0420\u0421]" + cls(C1, BAD, START_PUNCTUATION, END_PUNCTUATION, CURRENCY, "\u00B0\u00B5")
                    + "[\u0412\u0413\u0420\u0421]",
            // Windows-1251 over Latin-1 over Windows-1252, next to a Latin letter.
            "\u0413\u045E\u0412\u0402\u0412.[A-Za-z ]",
            // Windows-1252 encodings of 'à' and 'á', and of U+00A0 itself.
            "\u00C3[\u00A0\u00A1]",
            "[a-z]" + PY_SPACE + "?[\u00C3\u00C2] ",
            "^[\u00C3\u00C2] ",
            // Â before a common character it encodes the same way.
            "[a-z.,?!" + escaped(END_PUNCTUATION) + "]\u00C2" + cls(" ", START_PUNCTUATION, END_PUNCTUATION),
            // Windows-1253 mojibake of the U+2000 punctuation block.
            "\u03B2\u20AC[\u2122\u00A0\u0386\u00AD\u00AE\u00B0]",
            // Windows-1253 mojibake of Latin-1 or Greek.
            "[\u0392\u0393\u039E\u039F]" + cls(C1, BAD, START_PUNCTUATION, END_PUNCTUATION, CURRENCY, "\u00B0")
                    + "[\u0392\u0393\u039E\u039F]"),
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);

    private MojibakeHeuristic() {
    }

    /** ftfy's {@code is_bad}: whether {@code text} looks like it contains mojibake. */
    static boolean isBad(String text) {
        return BADNESS.matcher(text).find();
    }

    private static String range(int first, int last) {
        StringBuilder chars = new StringBuilder();
        for (int c = first; c <= last; c++) {
            chars.appendCodePoint(c);
        }
        return chars.toString();
    }

    /** A character class of the given characters. */
    private static String cls(String... members) {
        StringBuilder out = new StringBuilder("[");
        for (String member : members) {
            out.append(escaped(member));
        }
        return out.append(']').toString();
    }

    /** The characters as regex escapes, so that none of them reads as class syntax. */
    private static String escaped(String chars) {
        StringBuilder out = new StringBuilder();
        chars.codePoints().forEach(c -> out.append(String.format("\\x{%X}", c)));
        return out.toString();
    }
}
