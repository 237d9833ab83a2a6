package io.invoke4j.host.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}) of a PNG file: InvokeAI's {@code Dream} and
 * {@code sd-metadata}, A1111's {@code parameters}, and any others.
 */
public final class PngText {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /* Like PIL's limit on decompressed text: a small chunk must not inflate into gigabytes. */
    private static final int MAX_INFLATED_TEXT = 16 * 1024 * 1024;
    private static final int CHUNK_HEADER = 8; // length, type
    private static final int CRC = 4;

    private PngText() {
    }

    /**
     * The text chunks of {@code file}, keyword to text, in file order; a keyword that occurs twice keeps its
     * first position and its last text (as PIL's {@code Image.text}).
     *
     * @throws java.nio.file.NoSuchFileException    when there is no such file
     * @throws java.nio.file.AccessDeniedException  when it may not be read
     * @throws PngFormatException                   when it is not a PNG, or is truncated or damaged
     * @throws IOException                          when reading fails otherwise
     */
    public static LinkedHashMap<String, String> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** As {@link #read(Path)}, over the bytes of a PNG file. */
    public static LinkedHashMap<String, String> parse(byte[] png) throws PngFormatException {
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new PngFormatException("not a PNG file");
        }
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        ByteBuffer bytes = ByteBuffer.wrap(png).position(SIGNATURE.length);
        while (true) {
            int offset = bytes.position();
            if (!bytes.hasRemaining()) {
                throw new PngFormatException("truncated PNG: no IEND chunk, file ends at byte " + offset);
            }
            if (bytes.remaining() < CHUNK_HEADER) {
                throw new PngFormatException("truncated PNG: chunk header at byte " + offset + " is cut short");
            }
            long length = Integer.toUnsignedLong(bytes.getInt());
            String type = new String(png, bytes.position(), 4, StandardCharsets.ISO_8859_1);
            int left = bytes.remaining() - 4;
            if (length + CRC > left) {
                throw new PngFormatException("truncated PNG: chunk '" + printable(type) + "' at byte " + offset
                        + " is cut short (" + length + " data bytes and a CRC, " + left + " bytes left)");
            }
            int dataStart = bytes.position() + 4;
            int dataEnd = dataStart + (int) length;
            checkCrc(png, offset, type, dataEnd);
            byte[] data = Arrays.copyOfRange(png, dataStart, dataEnd);
            switch (type) {
                case "tEXt" -> putText(texts, type, offset, data, false);
                case "zTXt" -> putText(texts, type, offset, data, true);
                case "iTXt" -> putInternationalText(texts, offset, data);
                case "IEND" -> {
                    return texts;
                }
                default -> {
                    // image data and other chunks carry no text
                }
            }
            bytes.position(dataEnd + CRC);
        }
    }

    private static void checkCrc(byte[] png, int offset, String type, int dataEnd) throws PngFormatException {
        CRC32 crc = new CRC32();
        crc.update(png, offset + 4, dataEnd - offset - 4);
        int stored = ByteBuffer.wrap(png, dataEnd, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new PngFormatException("damaged PNG: bad CRC in chunk '" + printable(type) + "' at byte " + offset);
        }
    }

    /* tEXt: keyword NUL text; zTXt: keyword NUL method(0) zlib-text. Both Latin-1. */
    private static void putText(LinkedHashMap<String, String> texts, String type, int offset, byte[] data,
            boolean compressed) throws PngFormatException {
        int nul = indexOfNul(data, 0, type, offset);
        String keyword = latin1(data, 0, nul);
        byte[] text = Arrays.copyOfRange(data, nul + 1, data.length);
        if (compressed) {
            if (text.length < 1 || text[0] != 0) {
                throw new PngFormatException("damaged PNG: unknown compression in chunk 'zTXt' at byte " + offset);
            }
            text = inflate(Arrays.copyOfRange(text, 1, text.length), offset);
        }
        texts.put(keyword, latin1(text, 0, text.length));
    }

    /* iTXt: keyword NUL flag method language NUL translated-keyword NUL text (UTF-8, zlib when flag is 1). */
    private static void putInternationalText(LinkedHashMap<String, String> texts, int offset, byte[] data)
            throws PngFormatException {
        int keywordEnd = indexOfNul(data, 0, "iTXt", offset);
        if (keywordEnd + 2 >= data.length) {
            throw damaged("iTXt", offset);
        }
        boolean compressed = data[keywordEnd + 1] != 0;
        if (compressed && data[keywordEnd + 2] != 0) {
            throw new PngFormatException("damaged PNG: unknown compression in chunk 'iTXt' at byte " + offset);
        }
        int languageEnd = indexOfNul(data, keywordEnd + 3, "iTXt", offset);
        int translatedEnd = indexOfNul(data, languageEnd + 1, "iTXt", offset);
        byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
        if (compressed) {
            text = inflate(text, offset);
        }
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text)).toString();
            texts.put(latin1(data, 0, keywordEnd), value);
        } catch (CharacterCodingException e) {
            throw new PngFormatException("damaged PNG: text of chunk 'iTXt' at byte " + offset + " is not UTF-8");
        }
    }

    private static byte[] inflate(byte[] compressed, int offset) throws PngFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new PngFormatException("damaged PNG: compressed text at byte " + offset + " is cut short");
                }
                text.write(buffer, 0, n);
                if (text.size() > MAX_INFLATED_TEXT) {
                    throw new PngFormatException("PNG text chunk at byte " + offset + " inflates past "
                            + MAX_INFLATED_TEXT + " bytes");
                }
            }
            return text.toByteArray();
        } catch (DataFormatException e) {
            throw new PngFormatException("damaged PNG: compressed text at byte " + offset + " is invalid");
        } finally {
            inflater.end();
        }
    }

    private static int indexOfNul(byte[] data, int from, String type, int offset) throws PngFormatException {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        throw damaged(type, offset);
    }

    private static PngFormatException damaged(String type, int offset) {
        return new PngFormatException("damaged PNG: chunk '" + type + "' at byte " + offset + " is malformed");
    }

    private static String latin1(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /* Chunk types from a damaged file may hold control bytes; the message must stay one readable line. */
    private static String printable(String type) {
        StringBuilder shown = new StringBuilder();
        for (char c : type.toCharArray()) {
            shown.append(c >= ' ' && c <= '~' ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return shown.toString();
    }
}
