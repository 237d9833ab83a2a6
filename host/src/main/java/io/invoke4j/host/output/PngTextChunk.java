package io.invoke4j.host.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One PNG text chunk as PIL's {@code PngInfo.add_text} makes it: {@code tEXt} (keyword, NUL, Latin-1 text)
 * when the text is Latin-1-encodable, otherwise an uncompressed {@code iTXt} with empty language tag and
 * translated keyword (keyword, NUL, 0, 0, NUL, NUL, UTF-8 text).
 *
 * @param keyword ASCII chunk keyword ({@code Dream})
 * @param text    the value
 */
record PngTextChunk(String keyword, String text) {

    /** The chunk type: {@code tEXt} or {@code iTXt}. */
    String type() {
        return isLatin1(text) ? "tEXt" : "iTXt";
    }

    /** The chunk's data field (without length, type and CRC). */
    byte[] data() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        if (isLatin1(text)) {
            data.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            data.write(0); // compression flag: uncompressed
            data.write(0); // compression method
            data.write(0); // empty language tag, terminated
            data.write(0); // empty translated keyword, terminated
            data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return data.toByteArray();
    }

    private static boolean isLatin1(String text) {
        return text.chars().allMatch(c -> c <= 0xFF);
    }
}
