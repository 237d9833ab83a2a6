package io.invoke4j.host.output;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** The chunk list of a PNG, parsed independently of the code under test, for assertions on raw bytes. */
record PngChunks(List<Chunk> chunks) {

    record Chunk(String type, byte[] data) {
    }

    static PngChunks of(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer bytes = ByteBuffer.wrap(png).position(8);
        while (bytes.hasRemaining()) {
            int length = bytes.getInt();
            byte[] type = new byte[4];
            bytes.get(type);
            byte[] data = new byte[length];
            bytes.get(data);
            bytes.getInt(); // CRC
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return new PngChunks(chunks);
    }

    /** The chunk types, with runs of IDAT folded into one, e.g. [IHDR, tEXt, IDAT, IEND]. */
    List<String> types() {
        List<String> types = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (!(chunk.type().equals("IDAT") && !types.isEmpty() && types.get(types.size() - 1).equals("IDAT"))) {
                types.add(chunk.type());
            }
        }
        return types;
    }

    Chunk get(int index) {
        return chunks.get(index);
    }

    Chunk first(String type) {
        return chunks.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    /** Builds a PNG from the signature and the given (type, data) chunks, with correct CRCs. */
    static byte[] build(Chunk... chunks) {
        ByteBuffer out = ByteBuffer.allocate(8 + Arrays.stream(chunks).mapToInt(c -> c.data().length + 12).sum());
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (Chunk chunk : chunks) {
            byte[] type = chunk.type().getBytes(StandardCharsets.US_ASCII);
            out.putInt(chunk.data().length).put(type).put(chunk.data());
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(chunk.data());
            out.putInt((int) crc.getValue());
        }
        return out.array();
    }

    static Chunk chunk(String type, byte[] data) {
        return new Chunk(type, data);
    }

    static Chunk latin1(String type, String data) {
        return new Chunk(type, data.getBytes(StandardCharsets.ISO_8859_1));
    }
}
