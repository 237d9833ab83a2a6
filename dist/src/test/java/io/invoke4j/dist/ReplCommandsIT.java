package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code !} commands of the built REPL over piped input, the history file they share across sessions,
 * {@code --from_file}'s report of bad lines, and the round trip from images through {@code !fetch GLOB OUTFILE}
 * to {@code !replay}.
 */
class ReplCommandsIT {
    private static final String SMALL = "-s 2 -W 64 -H 64";

    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin, String... args) throws Exception {
        Launcher.Run run = Launcher.run(work, stdin, "invoke", args);
        assertFalse(run.all().contains("Exception") || run.all().contains("\tat "), run::all);
        return run;
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    @Test
    void historySearchRecallAndClearAcrossSessions() throws Exception {
        String fox = "\"a fox\" " + SMALL + " -S 5";
        Launcher.Run first = invoke(fox + "\ncat -s x\n", "-o", "out");
        assertEquals(0, first.exitCode(), first::all);
        Path file = work.resolve("out/.invoke_history");
        assertEquals(List.of(fox, "cat -s x"), Files.readAllLines(file));

        Launcher.Run second = invoke("!history\n!search fox\n!1\n", "-o", "out");
        assertContains(second.stdout(), "[1] " + fox + "\n[2] cat -s x\n");
        // !search lists the one match after its prompt; !1 shows the command after its prompt, then runs it
        assertContains(second.stdout(), "invoke> [1] " + fox + "\ninvoke> " + fox + "\n");
        // outputs are numbered after the commands in the history, as InvokeAI numbers them
        assertContains(second.stdout(), "[3] " + work.resolve("out/000002.5.png").toAbsolutePath());
        assertEquals(List.of(fox, "cat -s x", fox), Files.readAllLines(file));

        Launcher.Run third = invoke("!clear\n!history\n!9\n", "-o", "out");
        assertContains(third.stdout(), "<empty history>\n");
        assertContains(third.stdout(), "** !9: no such command in the history (it is empty)\n");
        assertEquals(List.of(), Files.readAllLines(file));
        assertEquals(0, third.exitCode());
    }

    @Test
    void modelsListsTheCatalogueAndSwitchLoadsAnotherWithoutRestarting() throws Exception {
        Launcher.Run run = invoke("!models\n!switch tiny-sd-fp16\n!models\ncat " + SMALL + " -S 9\n"
                + "!switch tiny-sd\n!switch nosuch\n", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        String out = run.stdout();
        assertContains(out, String.format("%-25s %10s  %s%n", "tiny-sd", "active",
                "Tiny Stable Diffusion 1.x with random weights, float32 (tests and demo; makes noise by design)"));
        assertContains(out, String.format("%-25s %10s  ", "tiny-sd-fp16", "not loaded"));
        assertContains(out, ">> Loading tiny-sd-fp16 from ");
        assertContains(out, String.format("%-25s %10s  ", "tiny-sd-fp16", "active"));
        assertContains(out, String.format("%-25s %10s  ", "tiny-sd", "cached"));
        assertContains(out, ">> Retrieving model tiny-sd from system RAM cache\n");
        assertContains(out, "** \"nosuch\" is not a known model name. Please check your models.yaml file\n");
        assertFalse(out.contains("\033["), "no bold on a pipe");
        String parameters = PngText.read(work.resolve("out/000001.9.png")).get("parameters");
        assertContains(parameters, "Model: tiny-sd-fp16");
    }

    @Test
    void fetchReadsTheCommandOfAnA1111Png() throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        writePngWithText(out.resolve("a1111.png"), "parameters", "a lighthouse at dusk\n"
                + "Negative prompt: blurry\n"
                + "Steps: 2, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 64x64, Model hash: 6ce0161689, "
                + "Model: v1-5-pruned-emaonly, Version: v1.6.0");
        String expected = "\"a lighthouse at dusk [blurry]\" -s 2 -S 1234 -W 64 -H 64 -C 7.0 -A k_euler_a";
        Launcher.Run fetch = invoke("!fetch a1111.png\n!fetch " + out.resolve("a1111.png") + "\n", "-o", "out");
        assertEquals(2, count(fetch.stdout(), "# " + expected + "\n"), fetch.stdout());
        // and the command runs as it reads
        Launcher.Run run = invoke(expected + "\n", "-o", "out");
        assertContains(run.stdout(), "000001.1234.png: " + expected + "\n");
    }

    @Test
    void fromFileReportsBadLinesByNumberRunsTheRestAndExitsNonZero() throws Exception {
        Files.writeString(work.resolve("batch.txt"), String.join("\n",
                "# two foxes and a mistake",
                "\"a fox\" " + SMALL + " -S 1",
                "\"a fox\" -s x",
                "!nosuch",
                "\"a fox\" " + SMALL + " -S 2",
                "!history", ""));
        Launcher.Run run = invoke("", "--from_file", "batch.txt", "-o", "out");
        assertEquals(1, run.exitCode(), run::all);
        assertContains(run.stdout(), "#\"a fox\" -s x\n** line 3: argument -s/--steps: invalid int value: 'x'\n");
        assertContains(run.stdout(), "#!nosuch\n** line 4: !nosuch: unknown command");
        assertContains(run.stdout(), "000002.2.png: \"a fox\" -s 2 -S 2 -W 64 -H 64 -C 7.5 -A k_lms\n");
        assertTrue(Files.exists(work.resolve("out/000001.1.png")));
        assertTrue(Files.exists(work.resolve("out/000002.2.png")));

        Files.writeString(work.resolve("good.txt"), "\"a fox\" " + SMALL + " -S 3\n");
        assertEquals(0, invoke("", "--from_file", "good.txt", "-o", "out").exitCode());
    }

    @Test
    void fetchWritesTheCommandsOfImagesToAFileThatReplayAndFromFileRunAgain() throws Exception {
        String fox = "\"a fox\" -s 2 -S 5 -W 64 -H 64 -C 7.5 -A k_lms";
        String owl = "\"an owl\" -s 2 -S 6 -W 64 -H 64 -C 7.5 -A k_lms";
        Launcher.Run run = invoke(fox + "\n" + owl + "\n!fetch *.png cmds.txt\n!replay cmds.txt\n"
                + "!replay nosuch.txt\n!fetch *.jpg more.txt\n!history\n", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        String out = run.stdout();
        Path outdir = work.resolve("out");
        assertContains(out, ">> File ");
        assertContains(out, "cmds.txt with commands created\n");
        List<String> lines = Files.readAllLines(outdir.resolve("cmds.txt"));
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("# ") && lines.get(0).endsWith("000001.5.png"), lines::toString);
        assertEquals(List.of(fox, owl), List.of(lines.get(1), lines.get(3)));
        assertTrue(lines.get(2).startsWith("# ") && lines.get(2).endsWith("000002.6.png"), lines::toString);
        // the replay echoes each line, regenerates both images with the same commands, then prompts again
        assertContains(out, "#" + fox + "\n");
        assertContains(out, "000003.5.png: " + fox + "\n");
        assertContains(out, "000004.6.png: " + owl + "\n");
        assertSamePixels(outdir.resolve("000001.5.png"), outdir.resolve("000003.5.png"));
        assertSamePixels(outdir.resolve("000002.6.png"), outdir.resolve("000004.6.png"));
        assertContains(out, "invoke> ** !replay nosuch.txt: no such file\n");
        assertContains(out, "invoke> ## *.jpg: no file matches; ");
        // the replayed commands are in the history after the replay itself
        assertContains(out, "[4] !replay cmds.txt\n[5] " + fox + "\n[6] " + owl + "\n[7] !replay nosuch.txt\n");

        Launcher.Run fromFile = invoke("", "--from_file", "out/cmds.txt", "-o", "out");
        assertEquals(0, fromFile.exitCode(), fromFile::all);
        assertContains(fromFile.stdout(), "000005.5.png: " + fox + "\n");
        assertContains(fromFile.stdout(), "000006.6.png: " + owl + "\n");
    }

    private static void assertSamePixels(Path expected, Path actual) throws Exception {
        BufferedImage a = ImageIO.read(expected.toFile());
        BufferedImage b = ImageIO.read(actual.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), actual + " at " + x + "," + y);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A PNG with one tEXt chunk, written by ImageIO (as A1111's PIL does, before the image data). */
    private static void writePngWithText(Path file, String keyword, String text) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", text);
        IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
        chunk.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(chunk);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }
}
