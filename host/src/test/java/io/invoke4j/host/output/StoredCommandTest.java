package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The command {@code !fetch} reads from a PNG. The A1111 files are laid out as A1111 saves them through PIL:
 * the {@code parameters} text in a {@code tEXt} chunk (an {@code iTXt} one when it is not Latin-1) between
 * {@code IHDR} and the image data, and no {@code Dream} chunk.
 */
class StoredCommandTest {

    /** A real PNG (ImageIO's) with {@code text} put right after IHDR, where PIL writes it. */
    private static byte[] a1111Png(PngChunks.Chunk text) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(TestImages.gradient(8, 8), "png", png);
        List<PngChunks.Chunk> chunks = new ArrayList<>(PngChunks.of(png.toByteArray()).chunks());
        chunks.add(1, text);
        return PngChunks.build(chunks.toArray(PngChunks.Chunk[]::new));
    }

    private static PngChunks.Chunk tEXt(String keyword, String text) {
        return PngChunks.latin1("tEXt", keyword + "\0" + text);
    }

    private static PngChunks.Chunk iTXt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0}); // NUL, uncompressed, method 0, empty language, empty keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return PngChunks.chunk("iTXt", data.toByteArray());
    }

    @Test
    void anA1111PngGivesTheInvokeCommandOfItsParameters() throws IOException {
        byte[] png = a1111Png(tEXt("parameters", "a lighthouse at dusk, oil painting\n"
                + "Negative prompt: blurry, lowres\n"
                + "Steps: 25, Sampler: Euler a, CFG scale: 6.5, Seed: 1234567890, Size: 640x512, "
                + "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Version: v1.6.0"));
        assertEquals(Optional.of("\"a lighthouse at dusk, oil painting [blurry, lowres]\" -s 25 -S 1234567890 "
                + "-W 640 -H 512 -C 6.5 -A k_euler_a"), StoredCommand.of(PngText.parse(png)));
    }

    @Test
    void aNonLatinA1111PromptComesFromItsInternationalTextChunk() throws IOException {
        byte[] png = a1111Png(iTXt("parameters", "猫と帽子\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, "
                + "Seed: 5, Size: 512x512"));
        assertEquals(Optional.of("\"猫と帽子\" -s 20 -S 5 -W 512 -H 512 -C 7.0 -A k_dpmpp_2_karras"),
                StoredCommand.of(PngText.parse(png)));
    }

    @Test
    void aSamplerWithoutAnInvokeTwinIsQuotedSoTheCommandStillReads() {
        assertEquals(Optional.of("\"cat\" -s 20 -S 5 -W 512 -H 512 -C 7.0 -A \"DPM++ 2M SDE\""), StoredCommand.of(
                Map.of("parameters", "cat\nSteps: 20, Sampler: DPM++ 2M SDE, CFG scale: 7, Seed: 5, Size: 512x512")));
    }

    @Test
    void theDreamChunkWinsOverParameters() {
        assertEquals(Optional.of("\"cat\" -s 5 -S 1 -W 64 -H 64 -C 7.5 -A k_lms"), StoredCommand.of(Map.of(
                "Dream", "\"cat\" -s 5 -S 1 -W 64 -H 64 -C 7.5 -A k_lms",
                "parameters", "dog\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 2, Size: 512x512")));
    }

    @Test
    void neitherChunkIsEmpty() {
        assertTrue(StoredCommand.of(Map.of("Software", "GIMP", "Dream", " ")).isEmpty());
    }
}
