package io.invoke4j.host.generate;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-byte character map that text might have been wrongly decoded with, as ftfy 6.1 models them: the
 * strict maps Python ships ({@code latin-1}, {@code iso-8859-2}, {@code macroman}, {@code cp437}) and ftfy's
 * "sloppy" Windows code pages, which decode the bytes Windows leaves unassigned as their Latin-1 characters
 * (so that any byte string round-trips) and use byte {@code 0x1A} for U+FFFD.
 */
final class SingleByteCodec {

    private static final char REPLACEMENT = '\uFFFD';
    private static final int SUBSTITUTE_BYTE = 0x1A;

    static final SingleByteCodec LATIN_1 = strict("latin-1", "ISO-8859-1");
    static final SingleByteCodec SLOPPY_WINDOWS_1252 = sloppy("sloppy-windows-1252", "windows-1252");
    static final SingleByteCodec SLOPPY_WINDOWS_1251 = sloppy("sloppy-windows-1251", "windows-1251");
    static final SingleByteCodec SLOPPY_WINDOWS_1250 = sloppy("sloppy-windows-1250", "windows-1250");
    static final SingleByteCodec SLOPPY_WINDOWS_1253 = sloppy("sloppy-windows-1253", "windows-1253");
    static final SingleByteCodec SLOPPY_WINDOWS_1254 = sloppy("sloppy-windows-1254", "windows-1254");
    static final SingleByteCodec ISO_8859_2 = strict("iso-8859-2", "ISO-8859-2");
    static final SingleByteCodec MAC_ROMAN = strict("macroman", "x-MacRoman");
    static final SingleByteCodec CP437 = strict("cp437", "IBM437");

    /** ftfy's {@code CHARMAP_ENCODINGS}: the order in which a wrong decoding is suspected. */
    static final List<SingleByteCodec> MOJIBAKE_SUSPECTS = List.of(
            LATIN_1, SLOPPY_WINDOWS_1252, SLOPPY_WINDOWS_1251, SLOPPY_WINDOWS_1250, SLOPPY_WINDOWS_1253,
            SLOPPY_WINDOWS_1254, ISO_8859_2, MAC_ROMAN, CP437);

    private final String name;
    private final char[] byteToChar;
    private final Map<Character, Byte> charToByte;

    private SingleByteCodec(String name, char[] byteToChar) {
        this.name = name;
        this.byteToChar = byteToChar;
        this.charToByte = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            charToByte.putIfAbsent(byteToChar[b], (byte) b);
        }
    }

    private static SingleByteCodec strict(String name, String javaCharset) {
        return new SingleByteCodec(name, decodeAllBytes(javaCharset));
    }

    private static SingleByteCodec sloppy(String name, String javaCharset) {
        char[] table = decodeAllBytes(javaCharset);
        for (int b = 0; b < 256; b++) {
            if (table[b] == REPLACEMENT) {
                table[b] = (char) b;
            }
        }
        table[SUBSTITUTE_BYTE] = REPLACEMENT;
        return new SingleByteCodec(name, table);
    }

    private static char[] decodeAllBytes(String javaCharset) {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        char[] table = new String(all, Charset.forName(javaCharset)).toCharArray();
        if (table.length != 256) {
            throw new IllegalStateException(javaCharset + " is not a one-byte character map");
        }
        return table;
    }

    /** ftfy's name for this map ({@code sloppy-windows-1252}, ...). */
    String name() {
        return name;
    }

    /** Whether the map is one of ftfy's sloppy Windows code pages. */
    boolean isSloppy() {
        return name.startsWith("sloppy");
    }

    /** ftfy's {@code possible_encoding}: whether every character of {@code text} has a byte in this map. */
    boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!charToByte.containsKey(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of {@code text}; call only when {@link #canEncode} holds. */
    byte[] encode(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            Byte b = charToByte.get(text.charAt(i));
            if (b == null) {
                throw new IllegalArgumentException(name + " cannot encode U+"
                        + Integer.toHexString(text.charAt(i)).toUpperCase());
            }
            out[i] = b;
        }
        return out;
    }

    /** The characters of {@code bytes}. */
    String decode(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = byteToChar[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /** The character byte {@code b} (0-255) decodes to. */
    char charOf(int b) {
        return byteToChar[b];
    }

    @Override
    public String toString() {
        return name;
    }
}
