package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Images2PromptTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEachFilesCommandAsGiven() {
        ImageRecord cat = TestImages.record("a cat");
        ImageRecord dog = TestImages.record("a dog 犬");
        ImageWriter writer = new ImageWriter(6);
        String first = writer.write(dir, "000001.42.png", TestImages.gradient(4, 4), cat).toString();
        String second = writer.write(dir, "000002.42.png", TestImages.gradient(4, 4), dog).toString();

        assertEquals(0, run(first, second));
        assertEquals(first + ": " + cat.command() + "\n" + second + ": " + dog.command() + "\n", out());
        assertEquals("", err());
    }

    @Test
    void noArgumentsPrintsUsageAndExits255() {
        assertEquals(255, run());
        assertEquals("Usage: file2prompt.py <file1.png> <file2.png> <file3.png>...\n"
                + "This script opens up the indicated invoke.py-generated PNG file(s) and prints out the prompt used "
                + "to generate them.\n", out());
    }

    @Test
    void aMissingFileIsReportedAndTheRestStillPrinted() {
        String good = new ImageWriter(6).write(dir, "000001.42.png", TestImages.gradient(4, 4),
                TestImages.record("a cat")).toString();
        String missing = dir.resolve("gone.png").toString();

        assertEquals(1, run(missing, good));
        assertEquals(missing + " not found\n", err());
        assertEquals(good + ": " + TestImages.record("a cat").command() + "\n", out());
    }

    @Test
    void anUnreadableFileIsAPermissionProblem() throws IOException {
        Images2Prompt.TextChunkReader reader = mock(Images2Prompt.TextChunkReader.class);
        when(reader.read(any())).thenThrow(new AccessDeniedException("secret.png"));

        assertEquals(1, Images2Prompt.run(List.of("secret.png"), stream(out), stream(err), reader));
        assertEquals("secret.png could not be opened due to inadequate permissions\n", err());
    }

    @Test
    void aFileThatIsNotAPngIsOneLine() throws IOException {
        String text = Files.writeString(dir.resolve("notes.png"), "hello").toString();
        assertEquals(1, run(text));
        assertEquals(text + ": no invoke4j/InvokeAI metadata (not a PNG file)\n", err());
        assertEquals("", out());
    }

    @Test
    void aPngWithoutDreamIsOneLine() throws IOException {
        Path plain = dir.resolve("plain.png");
        ImageIO.write(TestImages.gradient(4, 4), "png", plain.toFile());
        assertEquals(1, run(plain.toString()));
        assertEquals(plain + ": no invoke4j/InvokeAI metadata\n", err());
    }

    @Test
    void aFolderIsOneLine() {
        assertEquals(1, run(dir.toString()));
        String message = err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(dir + " could not be read: "), message);
    }

    private int run(String... args) {
        return Images2Prompt.run(List.of(args), stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anA1111ImageGivesTheInvokeCommandOfItsParameters() {
        String file = dir.resolve("00001-5.png").toString();
        assertEquals(0, Images2Prompt.run(List.of(file), stream(out), stream(err), path -> Map.of(
                "parameters", "a cat\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 5, Size: 512x512")));
        assertEquals(file + ": \"a cat\" -s 20 -S 5 -W 512 -H 512 -C 7.0 -A k_euler\n", out());
    }
}
