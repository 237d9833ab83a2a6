package io.invoke4j.host.command;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads numbers as Python's {@code int(text)} and {@code float(text)} do, since argparse converts switch values
 * with them: surrounding whitespace is ignored, a sign may lead, {@code _} may separate digits, any Unicode
 * decimal digit counts, and {@code float} takes {@code inf}, {@code infinity} and {@code nan} in any case. What
 * Java alone would also take ({@code 7.5f}, {@code 0x1p3}) is refused, and what Python takes but Java does not
 * ({@code 1_000}, {@code ٣}, {@code inf}) is read.
 */
final class PythonNumberSyntax {
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS + "\\.?)(?:[eE][+-]?" + DIGITS + ")?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private PythonNumberSyntax() {
    }

    /** {@code int(text)}, or empty where Python raises {@code ValueError}. */
    static Optional<BigInteger> parseInt(String text) {
        String trimmed = stripPythonWhitespace(text);
        if (!INT.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(asciiDigits(trimmed)));
    }

    /** {@code float(text)}, or empty where Python raises {@code ValueError}. */
    static OptionalDouble parseFloat(String text) {
        String trimmed = stripPythonWhitespace(text);
        if (NON_FINITE.matcher(trimmed).matches()) {
            boolean negative = trimmed.startsWith("-");
            String word = trimmed.replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
            if (word.equals("nan")) {
                return OptionalDouble.of(Double.NaN);
            }
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (!FLOAT.matcher(trimmed).matches()) {
            return OptionalDouble.empty();
        }
        // once the syntax is Python's, Java reads the ASCII form with the same correct rounding
        return OptionalDouble.of(Double.parseDouble(asciiDigits(trimmed)));
    }

    /** Drops the {@code _} separators and turns every Unicode decimal digit into its ASCII digit. */
    private static String asciiDigits(String number) {
        return UnicodeDigits.toAscii(number.replace("_", ""));
    }

    /** Python's {@code str.strip()}: also strips no-break and other Unicode spaces that Java's trim keeps. */
    private static String stripPythonWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
