package io.invoke4j.host.output;

import io.invoke4j.host.command.UnicodeDigits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * InvokeAI's {@code PngWriter.unique_prefix}: the counter that starts every output file name. It takes the
 * first name in reverse code-point order that looks like a numbered PNG, so {@code 9.x.png} beats
 * {@code 000010.x.png} and after {@code 999999} the prefix stays {@code 1000000}; InvokeAI and invoke4j sharing
 * a folder therefore count alike.
 */
final class UniquePrefix {
    /*
     * re.match('^(\d+)\..*\.png', f): anchored at the start only (hence lookingAt), with Python's Unicode \d
     * and a '.' that stops at '\n' only.
     */
    private static final Pattern NUMBERED_PNG = Pattern.compile("^(\\d+)\\..*\\.png",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    private static final String NO_NUMBERED_PNG = "0000000.0.png";
    private static final Comparator<String> CODE_POINT_ORDER = UniquePrefix::compareCodePoints;

    private UniquePrefix() {
    }

    /** The next prefix in {@code dir}; {@code 000001} when it is empty or missing. */
    static String next(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return next(entries.map(entry -> entry.getFileName().toString()).toList());
        } catch (NoSuchFileException missing) {
            return next(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The next prefix in a folder holding {@code names} (files and subfolders alike). */
    static String next(Collection<String> names) {
        String latest = names.stream()
                .sorted(CODE_POINT_ORDER.reversed())
                .filter(name -> NUMBERED_PNG.matcher(name).lookingAt())
                .findFirst()
                .orElse(NO_NUMBERED_PNG);
        // BigInteger: Python's int() has no upper bound
        String digits = UnicodeDigits.toAscii(latest.substring(0, latest.indexOf('.')));
        return String.format(Locale.ROOT, "%06d", new BigInteger(digits).add(BigInteger.ONE));
    }

    /* Python compares str by code point; String.compareTo compares UTF-16 units, which differs above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
