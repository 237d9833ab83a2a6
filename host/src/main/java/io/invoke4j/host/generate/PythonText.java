package io.invoke4j.host.generate;

import java.util.Locale;

/**
 * Python 3's {@code str.strip()} and {@code str.lower()}, whose Unicode rules differ from Java's
 * {@link String#strip()} and {@link String#toLowerCase(Locale)}; CLIP's tokenizer depends on both.
 */
final class PythonText {

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final int SMALL_SIGMA = 0x03C3;
    private static final int FINAL_SIGMA = 0x03C2;

    /** Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable whatever their category. */
    private static final String WORD_INNER_PUNCTUATION = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027"
            + "\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    private PythonText() {
    }

    /** {@code str.strip()}: also strips U+00A0, U+2007, U+202F and U+001C-U+001F, which Java keeps. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** {@code str.isspace()}: general category Zs, or bidirectional class WS, B or S. */
    static boolean isSpace(int cp) {
        if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte bidi = Character.getDirectionality(cp);
        return bidi == Character.DIRECTIONALITY_WHITESPACE
                || bidi == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || bidi == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }

    /**
     * {@code str.lower()}: every code point's full lower-case mapping ({@code "İ"} becomes {@code "i"} +
     * U+0307), and Σ becomes final ς by Python's rule, a cased letter before it and none after it, skipping
     * case-ignorable characters. Java decides final sigma by word boundaries instead ({@code "3.14Σ"}).
     */
    static String lower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == CAPITAL_SIGMA) {
                out.appendCodePoint(isFinalSigma(text, i) ? FINAL_SIGMA : SMALL_SIGMA);
            } else if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
            } else {
                out.append(Character.toString(cp).toLowerCase(Locale.ROOT));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isFinalSigma(String text, int sigmaAt) {
        int before = -1;
        for (int j = sigmaAt; j > 0; ) {
            int c = text.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                before = c;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        for (int k = sigmaAt + 1; k < text.length(); ) {
            int c = text.codePointAt(k);
            if (!isCaseIgnorable(c)) {
                return !isCased(c);
            }
            k += Character.charCount(c);
        }
        return true;
    }

    /** Unicode's Cased: Lu, Ll, Lt, Other_Lowercase, Other_Uppercase. */
    static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode's Case_Ignorable: Mn, Me, Cf, Lm, Sk and the word-inner punctuation. */
    static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return WORD_INNER_PUNCTUATION.indexOf(cp) >= 0;
        }
    }
}
