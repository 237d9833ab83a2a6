package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code invoke>} prompt language through the built distribution: what each switch does and records. */
class PromptLanguageIT {
    private static final String SMALL = "-s 3 -W 64 -H 64";

    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin, String... args) throws Exception {
        Launcher.Run run = Launcher.run(work, stdin, "invoke", args);
        assertEquals(0, run.exitCode(), run::all);
        return run;
    }

    /** The path and command of Outputs line {@code counter}. */
    private static String[] output(String stdout, String counter) {
        Matcher m = Pattern.compile("^\\[" + Pattern.quote(counter) + "\\] (.*?\\.png): (.*)$", Pattern.MULTILINE).matcher(stdout);
        assertTrue(m.find(), "Outputs line [" + counter + "] in:\n" + stdout);
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    void aPrintedVariationCommandReproducesItsImage() throws Exception {
        Launcher.Run first = invoke("cat " + SMALL + " -S 42 -v 0.3 -n 2\n", "-o", "first");
        String[] second = output(first.stdout(), "1.2");
        assertTrue(second[1].matches("\"cat\" -s 3 -S 42 -W 64 -H 64 -C 7\\.5 -A k_lms -V \\d+:0\\.3"), second[1]);
        Launcher.Run again = invoke(second[1] + "\n", "-o", "again");
        String[] replay = output(again.stdout(), "1");
        assertEquals(second[1], replay[1]);
        assertEquals(Path.of(second[0]).getFileName(), Path.of(replay[0]).getFileName());
        assertArrayEquals(Files.readAllBytes(Path.of(second[0])), Files.readAllBytes(Path.of(replay[0])));
    }

    @Test
    void withVariationsBlendsNoiseAndNamesTheImageAfterTheLastSeed() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -S 42 -V 1234:0.5,77:0.25\ncat " + SMALL + " -S 42\n", "-o", "out");
        String[] blended = output(run.stdout(), "1");
        assertTrue(blended[0].endsWith("000001.77.png"), blended[0]);
        assertTrue(blended[1].endsWith("-V 1234:0.5,77:0.25"), blended[1]);
        String[] plain = output(run.stdout(), "2");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(Path.of(blended[0])), Files.readAllBytes(Path.of(plain[0]))));
        String metadata = PngText.read(Path.of(blended[0])).get("sd-metadata");
        assertTrue(metadata.contains("\"seed\": 42,"), metadata);
        assertTrue(metadata.contains("\"variations\": [{\"seed\": 1234, \"weight\": 0.5}, {\"seed\": 77, \"weight\": 0.25}]"), metadata);
    }

    @Test
    void badVariationsAreOneLine() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -V 12:0.5\ncat " + SMALL + " -S 1 -V 12:x\n");
        assertTrue(run.stdout().contains("** seed must be specified when using with_variations\n"), run.stdout());
        assertTrue(run.stdout().contains("** Could not parse with_variations part \"12:x\"\n"), run.stdout());
    }

    @Test
    void negativeAndWeightedPromptsChangeTheImageAndAreRecordedAsTyped() throws Exception {
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5\n\"a cat [blurry]\" " + SMALL + " -S 5\n"
                + "\"a cat:0.7 a dog:0.3\" " + SMALL + " -S 5\n", "-o", "out");
        byte[] plain = Files.readAllBytes(Path.of(output(run.stdout(), "1")[0]));
        String[] negative = output(run.stdout(), "2");
        String[] weighted = output(run.stdout(), "3");
        assertTrue(negative[1].startsWith("\"a cat [blurry]\" -s 3"), negative[1]);
        assertTrue(weighted[1].startsWith("\"a cat:0.7 a dog:0.3\" -s 3"), weighted[1]);
        assertFalse(java.util.Arrays.equals(plain, Files.readAllBytes(Path.of(negative[0]))), "the negative prompt is used");
        assertFalse(java.util.Arrays.equals(plain, Files.readAllBytes(Path.of(weighted[0]))), "the blend is used");
        String parameters = PngText.read(Path.of(negative[0])).get("parameters");
        assertTrue(parameters.contains("Negative prompt: blurry"), parameters);
    }

    @Test
    void logTokenizationPrintsTheTokensWithoutColourOnAPipe() throws Exception {
        Launcher.Run run = invoke("\"a photo of a cat\" " + SMALL + " -S 5 -t\n");
        assertTrue(run.stdout().contains(">> Tokens (5), Weight (1.00):\na photo of a cat \n"), run.stdout());
        assertFalse(run.stdout().contains("\u001b["), "no escape codes on a pipe");
    }

    @Test
    void aGridIsOneImageOfTheSeries() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -S 2685670268 -n 3 -g\n", "-o", "out");
        String[] grid = output(run.stdout(), "1");
        assertTrue(grid[1].endsWith("-n 3 --grid -A k_lms # [2685670268, 1216708065, 2335773498]"), grid[1]);
        BufferedImage sheet = ImageIO.read(Path.of(grid[0]).toFile());
        assertEquals(192, sheet.getWidth());
        assertEquals(64, sheet.getHeight());
        try (var files = Files.list(work.resolve("out"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".png")).count(), "no single images beside the grid");
        }
    }

    @Test
    void hiresFixRunsAFirstPassAtAbout512AndADdimPassAtTheRequestedSize() throws Exception {
        Launcher.Run run = invoke("cat -s 4 -W 128 -H 64 -S 3 --hires_fix\n", "-o", "out");
        // sqrt(512*512 / (128*64)) = 5.66: the first pass runs at 768x384
        assertTrue(run.stdout().contains(">> Interpolating from 768x384 to 128x64 using DDIM sampling"), run.stdout());
        String[] image = output(run.stdout(), "1");
        assertTrue(image[1].equals("\"cat\" -s 4 -S 3 -W 128 -H 64 -C 7.5 --hires_fix -A k_lms"), image[1]);
        BufferedImage png = ImageIO.read(Path.of(image[0]).toFile());
        assertEquals(128, png.getWidth());
        assertEquals(64, png.getHeight());
        Launcher.Run plain = invoke("cat -s 4 -W 128 -H 64 -S 3\n", "-o", "plain");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(Path.of(image[0])),
                Files.readAllBytes(Path.of(output(plain.stdout(), "1")[0]))), "the fix changes the image");
    }

    @Test
    void seamlessRunsTheSeamlessNetworksAndIsRecorded() throws Exception {
        // that the image tiles is shown on the pipeline itself (SeamlessIT); here: the switch reaches it
        Launcher.Run run = invoke("cat -s 4 -W 64 -H 64 -S 8 --seamless\ncat -s 4 -W 64 -H 64 -S 8\n", "-o", "out");
        String[] tiled = output(run.stdout(), "1");
        String[] plain = output(run.stdout(), "2");
        assertTrue(tiled[1].equals("\"cat\" -s 4 -S 8 -W 64 -H 64 -C 7.5 --seamless -A k_lms"), tiled[1]);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(Path.of(tiled[0])), Files.readAllBytes(Path.of(plain[0]))),
                "circular padding changes the image");
    }

    @Test
    void perlinThresholdIntermediatesAndSeamlessAxesRunRecordAndReplay() throws Exception {
        String recorded = "\"cat\" -s 3 -S 8 -W 64 -H 64 -C 7.5 --perlin 0.5 --threshold 2.0 -A k_lms";
        Launcher.Run run = invoke("cat " + SMALL + " -S 8\n"
                + "cat " + SMALL + " -S 8 --perlin 0.5 --threshold 2 --save_intermediates 2\n"
                + "!fetch 000002.8.png\n"
                + recorded + "\n"
                + "cat " + SMALL + " -S 8 --seamless --seamless_axes x\n"
                + "cat " + SMALL + " -S 8 --seamless\n"
                + "cat --perlin 2\ncat --threshold -1\ncat --seamless_axes z\n", "-o", "out");
        byte[] plain = Files.readAllBytes(Path.of(output(run.stdout(), "1")[0]));
        String[] shaped = output(run.stdout(), "2");
        assertEquals(recorded, shaped[1]);
        assertFalse(java.util.Arrays.equals(plain, Files.readAllBytes(Path.of(shaped[0]))), "perlin changes the image");
        assertTrue(PngText.read(Path.of(shaped[0])).get("sd-metadata").contains("\"threshold\": 2.0, \"perlin\": 0.5"));
        assertTrue(run.stdout().contains("# " + recorded + "\n"), "!fetch gives the command back:\n" + run.stdout());
        // the recorded command makes the same image again
        assertArrayEquals(Files.readAllBytes(Path.of(shaped[0])), Files.readAllBytes(Path.of(output(run.stdout(), "3")[0])));

        // 3 steps, every 2nd: steps 0 and 2 (the last)
        Path intermediates = work.resolve("out").resolve("intermediates").resolve("000002").toAbsolutePath();
        assertTrue(run.stdout().contains(">> Intermediate images will be written into " + intermediates + "\n"),
                run.stdout());
        try (var files = Files.list(intermediates)) {
            assertEquals(java.util.List.of("0000.png", "0002.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        BufferedImage step = ImageIO.read(intermediates.resolve("0002.png").toFile());
        assertEquals(64, step.getWidth());

        String[] xOnly = output(run.stdout(), "4");
        String[] both = output(run.stdout(), "5");
        assertEquals("\"cat\" -s 3 -S 8 -W 64 -H 64 -C 7.5 --seamless --seamless_axes x -A k_lms", xOnly[1]);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(Path.of(xOnly[0])), Files.readAllBytes(Path.of(both[0]))),
                "one axis is not both");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(Path.of(xOnly[0])), plain), "nor none");

        assertTrue(run.all().contains("--perlin must be in [0.0, 1.0]\n"), run::all);
        assertTrue(run.all().contains("--threshold must be >=0.0\n"), run::all);
        assertTrue(run.all().contains("argument --seamless_axes: invalid axis list: 'z' (use x, y or x,y)"), run::all);
    }
}
