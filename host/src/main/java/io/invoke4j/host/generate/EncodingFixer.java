package io.invoke4j.host.generate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ftfy 6.1's {@code fix_encoding}: undoes mojibake, text that was UTF-8 but got decoded with a one-byte
 * character map ({@code "cafÃ©"} for {@code "café"}). Only text that {@link MojibakeHeuristic} calls bad is
 * touched; it is re-encoded with each suspect map in turn and kept if the bytes are UTF-8 (or one of its
 * variants). Failing that, embedded runs of UTF-8-looking mojibake are fixed on their own, and stray C1
 * controls are read as windows-1252.
 */
final class EncodingFixer {

    /**
     * The maps whose bytes 0x80-0xFF ftfy's {@code UTF8_CLUES} collect (ftfy lists the characters out; they
     * are exactly what these maps give).
     */
    private static final List<SingleByteCodec> CLUE_MAPS = List.of(
            SingleByteCodec.LATIN_1, SingleByteCodec.SLOPPY_WINDOWS_1252, SingleByteCodec.SLOPPY_WINDOWS_1251,
            SingleByteCodec.SLOPPY_WINDOWS_1250, SingleByteCodec.SLOPPY_WINDOWS_1253,
            SingleByteCodec.SLOPPY_WINDOWS_1254);

    /**
     * Continuation characters that often stand for themselves next to mojibake (space, dashes, curly quotes,
     * bullet, ellipsis), so they do not stop a run from being fixed.
     */
    private static final String LOOSE_CONTINUATIONS = " \u2013\u2014\u2015\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026";

    /**
     * ftfy's {@code UTF8_DETECTOR_RE}: runs of characters that read as lead and continuation bytes of UTF-8
     * in some suspect map (a space may stand for byte A0), not right after a continuation character, so that
     * a few characters of a bigger garble are not fixed alone.
     */
    private static final Pattern UTF8_DETECTOR = utf8Detector();

    // The byte patterns below run over bytes held one per char as Latin-1, so \xNN stands for byte NN.

    /** ftfy's {@code ALTERED_UTF8_RE}: UTF-8 whose byte A0 some program turned into a space. */
    private static final Pattern ALTERED_UTF8 = Pattern.compile(
            "[\\xC2\\xC3\\xC5\\xCE\\xD0\\xD9] "
                    + "|[\\xE2\\xE3] [\\x80-\\x84\\x86-\\x9F\\xA1-\\xBF]"
                    + "|[\\xE0-\\xE3][\\x80-\\x84\\x86-\\x9F\\xA1-\\xBF] "
                    + "|\\xF0 [\\x80-\\xBF][\\x80-\\xBF]"
                    + "|\\xF0[\\x80-\\xBF] [\\x80-\\xBF]"
                    + "|\\xF0[\\x80-\\xBF][\\x80-\\xBF] ");

    /**
     * ftfy's {@code A_GRAVE_WORD_RE}: "à" as a word (its A0 lost), but not Portuguese "às", "àquele"... where
     * the space is real.
     */
    private static final Pattern A_GRAVE_WORD = Pattern.compile("\\xC3 (?! |quele|quela|quilo|s )");

    /**
     * ftfy's {@code LOSSY_UTF8_RE}: UTF-8 sequences with bytes lost to U+FFFD (encoded as 0x1A by the sloppy
     * maps) or '?'; each becomes one U+FFFD.
     */
    private static final Pattern LOSSY_UTF8 = Pattern.compile(
            "[\\xC2-\\xDF][\\x1A]"
                    + "|[\\xC2-\\xC3][?]"
                    + "|\\xED[\\xA0-\\xAF][\\x1A?]\\xED[\\xB0-\\xBF][\\x1A?\\x80-\\xBF]"
                    + "|\\xED[\\xA0-\\xAF][\\x1A?\\x80-\\xBF]\\xED[\\xB0-\\xBF][\\x1A?]"
                    + "|[\\xE0-\\xEF][\\x1A?][\\x1A\\x80-\\xBF]"
                    + "|[\\xE0-\\xEF][\\x1A\\x80-\\xBF][\\x1A?]"
                    + "|[\\xF0-\\xF4][\\x1A?][\\x1A\\x80-\\xBF][\\x1A\\x80-\\xBF]"
                    + "|[\\xF0-\\xF4][\\x1A\\x80-\\xBF][\\x1A?][\\x1A\\x80-\\xBF]"
                    + "|[\\xF0-\\xF4][\\x1A\\x80-\\xBF][\\x1A\\x80-\\xBF][\\x1A?]"
                    + "|\\x1A");

    /** U+FFFD's UTF-8 bytes, as Latin-1 characters. */
    private static final String UTF8_REPLACEMENT = "\u00EF\u00BF\u00BD";

    private static final Pattern C1_CONTROL = Pattern.compile("[\\x80-\\x9F]");

    private EncodingFixer() {
    }

    /** ftfy's {@code fix_encoding}: fixes one layer of mojibake at a time until nothing changes. */
    static String fixEncoding(String text) {
        while (true) {
            String fixed = fixOneLayer(text);
            if (fixed.equals(text)) {
                return fixed;
            }
            text = fixed;
        }
    }

    /** ftfy's {@code fix_c1_controls}: C1 controls read as the windows-1252 characters they stand for. */
    static String fixC1Controls(String text) {
        Matcher m = C1_CONTROL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            char c1 = m.group().charAt(0);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf(SingleByteCodec.SLOPPY_WINDOWS_1252.charOf(c1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fixOneLayer(String text) {
        if (text.isEmpty() || isAscii(text) || !MojibakeHeuristic.isBad(text)) {
            return text;
        }
        List<SingleByteCodec> possible = new ArrayList<>();
        for (SingleByteCodec codec : SingleByteCodec.MOJIBAKE_SUSPECTS) {
            if (!codec.canEncode(text)) {
                continue;
            }
            possible.add(codec);
            String fixed = decodeAsUtf8(codec, codec.encode(text));
            if (fixed != null) {
                return fixed;
            }
        }

        if (UTF8_DETECTOR.matcher(text).find()) {
            String fixed = decodeInconsistentUtf8(text);
            if (!fixed.equals(text)) {
                return fixed;
            }
        }

        // ftfy then looks for "windows-1252" among the possible maps, which only ever holds the sloppy one,
        // so Latin-1 text always gets a strict windows-1252 reading here: it only differs if it has C1
        // controls, and fails if one of them is unassigned in windows-1252.
        if (possible.contains(SingleByteCodec.LATIN_1)) {
            String fixed = strictWindows1252(SingleByteCodec.LATIN_1.encode(text));
            if (fixed != null && !fixed.equals(text)) {
                return fixed;
            }
        }

        if (C1_CONTROL.matcher(text).find()) {
            return fixC1Controls(text);
        }
        return text;
    }

    /** The bytes as UTF-8 after ftfy's byte repairs, or null if they are not UTF-8 even then. */
    private static String decodeAsUtf8(SingleByteCodec codec, byte[] encoded) {
        String bytes = SingleByteCodec.LATIN_1.decode(encoded);
        if (ALTERED_UTF8.matcher(bytes).find()) {
            bytes = restoreByteA0(bytes);
        }
        if (codec.isSloppy()) {
            bytes = LOSSY_UTF8.matcher(bytes).replaceAll(UTF8_REPLACEMENT);
        }
        byte[] repaired = SingleByteCodec.LATIN_1.encode(bytes);
        try {
            return bytes.indexOf('\u00ED') >= 0 || bytes.indexOf('\u00C0') >= 0
                    ? decodeUtf8Variants(repaired)
                    : decodeUtf8(repaired);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** ftfy's {@code restore_byte_a0}, over bytes held as Latin-1 characters. */
    private static String restoreByteA0(String bytes) {
        String withAGrave = A_GRAVE_WORD.matcher(bytes).replaceAll("\u00C3\u00A0 ");
        Matcher m = ALTERED_UTF8.matcher(withAGrave);
        StringBuilder out = new StringBuilder(withAGrave.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace(' ', '\u00A0')));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ftfy's {@code decode_inconsistent_utf8}: fixes each UTF-8-looking run that is bad on its own. */
    private static String decodeInconsistentUtf8(String text) {
        Matcher m = UTF8_DETECTOR.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String run = m.group();
            // A run as long as the text was already tried as a whole; fixing it again would not end.
            String replacement = run.length() < text.length() && MojibakeHeuristic.isBad(run)
                    ? fixEncoding(run)
                    : run;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * ftfy's {@code utf-8-variants} codec: UTF-8 that also accepts CESU-8 (surrogate pairs encoded one half
     * at a time) and Java's two-byte encoding of U+0000.
     */
    static String decodeUtf8Variants(byte[] bytes) throws CharacterCodingException {
        StringBuilder out = new StringBuilder(bytes.length);
        int start = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0xC0 && i + 1 < bytes.length && (bytes[i + 1] & 0xFF) == 0x80) {
                out.append(decodeUtf8(bytes, start, i)).append('\0');
                i += 2;
                start = i;
            } else if (b == 0xED && isCesu8Pair(bytes, i)) {
                int cp = 0x10000 + ((bytes[i + 1] & 0x0F) << 16) + ((bytes[i + 2] & 0x3F) << 10)
                        + ((bytes[i + 4] & 0x0F) << 6) + (bytes[i + 5] & 0x3F);
                out.append(decodeUtf8(bytes, start, i)).appendCodePoint(cp);
                i += 6;
                start = i;
            } else {
                i++;
            }
        }
        return out.append(decodeUtf8(bytes, start, bytes.length)).toString();
    }

    private static boolean isCesu8Pair(byte[] bytes, int i) {
        return i + 5 < bytes.length
                && inRange(bytes[i + 1], 0xA0, 0xAF) && inRange(bytes[i + 2], 0x80, 0xBF)
                && (bytes[i + 3] & 0xFF) == 0xED
                && inRange(bytes[i + 4], 0xB0, 0xBF) && inRange(bytes[i + 5], 0x80, 0xBF);
    }

    private static boolean inRange(byte b, int lo, int hi) {
        int v = b & 0xFF;
        return v >= lo && v <= hi;
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return decodeUtf8(bytes, 0, bytes.length);
    }

    /** Strict UTF-8, as Python's codec: no overlong forms, no surrogates, nothing past U+10FFFF. */
    private static String decodeUtf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    }

    private static String strictWindows1252(byte[] bytes) {
        try {
            return Charset.forName("windows-1252").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static Pattern utf8Detector() {
        String firstOf2 = charsOfBytes(0xC2, 0xDF);
        String firstOf3 = charsOfBytes(0xE0, 0xEF);
        // Lead bytes F1, F2 and F4 only start unassigned or private code points.
        String firstOf4 = charsOfBytes(0xF0, 0xF0) + charsOfBytes(0xF3, 0xF3);
        String continuation = charsOfBytes(0x80, 0xBF) + " ";
        String strictContinuation = continuation.codePoints()
                .filter(c -> LOOSE_CONTINUATIONS.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String cont = cls(continuation);
        return Pattern.compile("(?<!" + cls(strictContinuation) + ")(?:"
                + cls(firstOf2) + cont
                + "|" + cls(firstOf3) + cont + "{2}"
                + "|" + cls(firstOf4) + cont + "{3})+");
    }

    /** What the bytes {@code first..last} decode to in any of the clue maps. */
    private static String charsOfBytes(int first, int last) {
        Set<Character> chars = new LinkedHashSet<>();
        for (int b = first; b <= last; b++) {
            for (SingleByteCodec codec : CLUE_MAPS) {
                chars.add(codec.charOf(b));
            }
        }
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    private static String cls(String chars) {
        StringBuilder out = new StringBuilder("[");
        chars.codePoints().forEach(c -> out.append(String.format("\\x{%X}", c)));
        return out.append(']').toString();
    }
}
