package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -U, -G/-ft, --save_original, !fix (also with -D and -c) and --embiggen through the built distribution, with the
 * bundled plugins and the random-weight models of models/postprocess: checked by names, sizes, files and metadata.
 */
class PostprocessIT {
    private static final String SMALL = "-s 2 -W 64 -H 64";

    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin, String... args) throws Exception {
        Launcher.Run run = Launcher.run(work, stdin, "invoke", args);
        assertEquals(0, run.exitCode(), run::all);
        return run;
    }

    private static String[] output(String stdout, String counter) {
        Matcher m = Pattern.compile("^\\[" + Pattern.quote(counter) + "\\] (.*?\\.png): (.*)$", Pattern.MULTILINE)
                .matcher(stdout);
        assertTrue(m.find(), "Outputs line [" + counter + "] in:\n" + stdout);
        return new String[] {m.group(1), m.group(2)};
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    private static BufferedImage read(String path) throws Exception {
        return ImageIO.read(Path.of(path).toFile());
    }

    @Test
    void aGenerationRestoresFacesThenUpscalesAndKeepsTheOriginal() throws Exception {
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5 -G 0.8 -U 2 --save_original\n"
                + "\"a cat\" " + SMALL + " -S 6 -U 2 0.5 -ft codeformer\n"
                + "\"a dog\" " + SMALL + " -S 8 -I 000001.5.png --embiggen 2 0 -f 0.4\n", "-o", "out");
        String[] raw = output(run.stdout(), "1.1");
        String[] processed = output(run.stdout(), "1.2");
        assertEquals(work.resolve("out/000001.5.png").toAbsolutePath().toString(), raw[0]);
        assertEquals(work.resolve("out/000001.5.postprocessed.png").toAbsolutePath().toString(), processed[0]);
        assertEquals("\"a cat\" -s 2 -S 5 -W 64 -H 64 -C 7.5 -A k_lms -G 0.8 -ft gfpgan -U 2.0 0.75", raw[1]);
        assertEquals(64, read(raw[0]).getWidth());
        assertEquals(128, read(processed[0]).getWidth());
        assertContains(run.stdout(), ">> GFPGAN - Restoring Faces for image seed:5\n>> Real-ESRGAN Upscaling seed:5, scale:2x\n");
        assertContains(PngText.read(Path.of(processed[0])).get("sd-metadata"),
                "\"postprocessing\": [{\"tool\": \"gfpgan\", ");
        // without --save_original the processed image takes the image's own name; -ft without -G is not recorded
        String[] only = output(run.stdout(), "2");
        assertEquals(work.resolve("out/000002.6.png").toAbsolutePath().toString(), only[0]);
        assertEquals("\"a cat\" -s 2 -S 6 -W 64 -H 64 -C 7.5 -A k_lms -U 2.0 0.5", only[1]);
        assertEquals(128, read(only[0]).getHeight());
        // -I with --embiggen: the init image enlarged (Lanczos alone at ESRGAN strength 0), re-diffused in tiles
        String[] embiggened = output(run.stdout(), "3");
        assertEquals(work.resolve("out/000003.8.png").toAbsolutePath().toString(), embiggened[0]);
        assertEquals("\"a dog\" -s 2 -S 8 -W 64 -H 64 -C 7.5 -I " + work.resolve("out/000001.5.png").toAbsolutePath()
                + " -A k_lms -f 0.4 --embiggen 2.0 0.0 0.25", embiggened[1]);
        assertEquals(128, read(embiggened[0]).getWidth());
        assertContains(run.stdout(), ">> Making 9 Embiggen tiles (3x3)...");
        assertEquals(4, Files.readAllLines(work.resolve("out/invoke_log.txt")).size());
    }

    @Test
    void fixWritesNewFilesAndNeverTouchesItsSource() throws Exception {
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5\n"
                + "!fix 000001.5.png -U 4 0.5\n"
                + "!fix 000001.5.png -G 1 -ft codeformer -cf 0.3\n"
                + "!fix 000001.5.png --embiggen 2 -W 64 -H 64 -s 2 -S 11\n"
                + "!fetch 000001.5.upscale.png\n", "-o", "out");
        Path source = work.resolve("out/000001.5.png").toAbsolutePath();
        byte[] sourceBytes = Files.readAllBytes(source);

        String[] upscaled = output(run.stdout(), "2");
        assertEquals(work.resolve("out/000001.5.upscale.png").toAbsolutePath().toString(), upscaled[0]);
        String command = "!fix \"" + source + "\" -s 50 -S 5 -W 512 -H 512 -C 7.5 -A k_lms -U 4.0 0.5";
        assertEquals(command, upscaled[1]);
        assertEquals(256, read(upscaled[0]).getWidth());
        assertContains(run.stdout(), ">> fixing " + source + "\n>> using seed 5 and prompt \"a cat\" for " + source);
        Map<String, String> chunks = PngText.read(Path.of(upscaled[0]));
        assertEquals(command, chunks.get("Dream"));
        assertContains(chunks.get("sd-metadata"), "\"postprocessing\": [{\"tool\": \"upscale\", \"dream_command\": \""
                + command.replace("\"", "\\\"") + "\"}]");
        assertContains(run.stdout(), "# " + command); // !fetch gives the !fix command back

        String[] faces = output(run.stdout(), "3");
        assertEquals(work.resolve("out/000001.5.codeformer.png").toAbsolutePath().toString(), faces[0]);
        assertTrue(faces[1].endsWith("-G 1.0 -ft codeformer -cf 0.3"), faces[1]);
        assertEquals(64, read(faces[0]).getWidth());

        String[] embiggened = output(run.stdout(), "4");
        assertEquals(work.resolve("out/000002.11.embiggen.png").toAbsolutePath().toString(), embiggened[0]);
        assertEquals("!fix \"" + source + "\" -s 2 -S 11 -W 64 -H 64 -C 7.5 -A k_lms --embiggen 2.0 0.75 0.25",
                embiggened[1]);
        assertEquals(128, read(embiggened[0]).getWidth());
        assertContains(run.stdout(), ">> Setting img2img strength to 0.4 for happy embiggening");
        assertContains(run.stdout(), ">> Making 9 Embiggen tiles (3x3)...");

        assertArrayEquals(sourceBytes, Files.readAllBytes(source), "the source is never written");
    }

    @Test
    void embiggenTilesStrengthAndKarrasMaxRunAndAreRecorded() throws Exception {
        Launcher.Run run = invoke("\"a cat\" -s 2 -W 128 -H 64 -S 5\n"
                + "\"a dog\" -I 000001.5.png -W 64 -H 64 -s 4 -S 3 --embiggen_tiles 1\n"
                + "!fix 000001.5.png --embiggen 1.5 --embiggen_tiles 1 2 --embiggen_strength 0.3 -W 64 -H 64 -s 4"
                + " -S 11\n"
                // from 3 steps on the two schedules differ (at 2 both are just the ends of the table)
                + "\"a cat\" -s 3 -W 64 -H 64 -S 6 --karras_max 5\n"
                + "\"a cat\" -s 3 -W 64 -H 64 -S 6\n"
                + "\"a cat\" -s 3 -W 64 -H 64 -S 6 --karras_max 3\n"
                + "!fetch 000003.11.embiggen.png\n"
                + "!fetch 000004.6.png\n", "-o", "out");
        Path source = work.resolve("out/000001.5.png").toAbsolutePath();

        // --embiggen_tiles alone: scale 1, and only tile 1 (x 0-63 of the 128 wide image) is redone
        String[] redone = output(run.stdout(), "2");
        assertEquals("\"a dog\" -s 4 -S 3 -W 64 -H 64 -C 7.5 -I " + source + " -A k_lms -f 0.75 --embiggen_tiles 1",
                redone[1]);
        BufferedImage before = read(source.toString());
        BufferedImage after = read(redone[0]);
        assertEquals(128, after.getWidth());
        for (int y = 0; y < 64; y++) {
            for (int x = 64; x < 128; x++) {
                assertEquals(before.getRGB(x, y), after.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertContains(run.stdout(), ">> Making 1 Embiggen tiles...\nMaking tile #1 (1 of 1 requested)\n");

        String[] fixed = output(run.stdout(), "3");
        assertEquals(work.resolve("out/000003.11.embiggen.png").toAbsolutePath().toString(), fixed[0]);
        String fixCommand = "!fix \"" + source + "\" -s 4 -S 11 -W 64 -H 64 -C 7.5 -A k_lms --embiggen 1.5 0.75 0.25"
                + " --embiggen_tiles 1 2 --embiggen_strength 0.3";
        assertEquals(fixCommand, fixed[1]);
        assertEquals(192, read(fixed[0]).getWidth());
        assertContains(run.stdout(), ">> Setting img2img strength to 0.3 for happy embiggening");
        assertContains(run.stdout(), ">> Making 2 Embiggen tiles...");
        assertContains(run.stdout(), "Making tile #2 (2 of 2 requested)");
        assertContains(PngText.read(Path.of(fixed[0])).get("sd-metadata"), "\"tool\": \"embiggen\"");
        assertContains(run.stdout(), "# " + fixCommand);

        // --karras_max on the line: the schedule for that command only, said and recorded
        String[] karras = output(run.stdout(), "4");
        assertEquals("\"a cat\" -s 3 -S 6 -W 64 -H 64 -C 7.5 --karras_max 5 -A k_lms", karras[1]);
        assertContains(run.stdout(), ">> Ksampler using karras noise schedule (steps < 5)\n");
        assertContains(run.stdout(), ">> Ksampler using karras noise schedule (steps < 30)\n");
        assertContains(run.stdout(), ">> Ksampler using model noise schedule (steps >= 3)\n");
        assertContains(run.stdout(), "# " + karras[1]);
        assertArrayEquals(pixels(karras[0]), pixels(output(run.stdout(), "5")[0]), "Karras sigmas both times");
        assertTrue(!java.util.Arrays.equals(pixels(karras[0]), pixels(output(run.stdout(), "6")[0])),
                "the model's sigmas make another image");
    }

    @Test
    void outpaintAndOutcropInpaintTheirCanvasesAndBadWordsAreOneLine() throws Exception {
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5\n"
                + "!fix 000001.5.png -D top 32 -s 2\n"
                + "!fix 000001.5.png -c right 64 -s 2\n"
                + "!fetch 000001.5.outcrop.png\n"
                + "!fix 000001.5.png -D up\n"
                + "!fix 000001.5.png -c right\n"
                + "!fix 000001.5.png -D top 64\n"
                + "\"a cat\" -D top\n", "-o", "out");
        Path source = work.resolve("out/000001.5.png").toAbsolutePath();
        BufferedImage before = read(source.toString());

        String[] outpainted = output(run.stdout(), "2");
        assertEquals(work.resolve("out/000001.5.outpaint.png").toAbsolutePath().toString(), outpainted[0]);
        assertEquals("!fix \"" + source + "\" -s 2 -S 5 -W 512 -H 512 -C 7.5 -A k_lms -D top 32", outpainted[1]);
        BufferedImage outpaint = read(outpainted[0]);
        assertEquals(64, outpaint.getWidth());
        assertEquals(64, outpaint.getHeight());
        // far from the seam (past the paste-back's 16 pixel fade) the picture is kept, moved down by 32 rows
        assertEquals(before.getRGB(5, 28), outpaint.getRGB(5, 60));
        assertContains(run.stdout(), ">> Initial image has transparent areas. Will inpaint in these regions.");
        assertContains(run.stdout(), ">> Using recommended DDIM sampler for inpainting.");
        assertContains(PngText.read(Path.of(outpainted[0])).get("sd-metadata"), "\"tool\": \"outpaint\"");

        String[] outcropped = output(run.stdout(), "3");
        assertEquals(work.resolve("out/000001.5.outcrop.png").toAbsolutePath().toString(), outcropped[0]);
        String outcropCommand = "!fix \"" + source + "\" -s 2 -S 5 -W 512 -H 512 -C 7.5 -A k_lms -c right 64";
        assertEquals(outcropCommand, outcropped[1]);
        BufferedImage outcrop = read(outcropped[0]);
        assertEquals(128, outcrop.getWidth());
        assertEquals(64, outcrop.getHeight());
        assertContains(run.stdout(), ">> extending image rightward by 64 pixels");
        assertContains(PngText.read(Path.of(outcropped[0])).get("sd-metadata"), "\"tool\": \"outcrop\"");
        assertContains(run.stdout(), "# " + outcropCommand); // !fetch

        assertContains(run.all(), "-D/--out_direction takes DIRECTION [PIXELS]: one of top, left, bottom, right,"
                + " then optionally a whole number of pixels above 0");
        assertContains(run.all(), "-c/--outcrop takes DIRECTION PIXELS pairs");
        assertContains(run.all(), "-D/--out_direction top 64: the image is 64 pixels high, so the pixels must be"
                + " from 1 to 63");
        assertContains(run.all(), "-D/--out_direction is for !fix");
        assertTrue(!run.all().contains("Exception") && !run.all().contains("\tat "), run::all);
        assertEquals(3, Files.readAllLines(work.resolve("out/invoke_log.txt")).size());
    }

    private static int[] pixels(String path) throws Exception {
        BufferedImage image = read(path);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void faceRestorationChangesSomePixelsAndLeavesMostAlone() throws Exception {
        // a smooth photo-like image on which the random-weight detector finds two faces at the bundled threshold
        BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int r = (int) (128 + 30 * Math.sin(x / 50.0));
                int g = (int) (128 + 30 * Math.cos(y / 60.0));
                int b = (int) (128 + 20 * Math.sin((x + y) / 70.0));
                photo.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Files.createDirectories(work.resolve("out"));
        ImageIO.write(photo, "png", work.resolve("out/photo.png").toFile());
        Launcher.Run run = invoke("!fix photo.png -G 1 -S 7\n", "-o", "out");
        String[] fixed = output(run.stdout(), "1");
        assertEquals(work.resolve("out/photo.7.gfpgan.png").toAbsolutePath().toString(), fixed[0]);
        BufferedImage out = read(fixed[0]);
        int changed = 0;
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                if (out.getRGB(x, y) != photo.getRGB(x, y)) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 0 && changed < 640 * 480 / 10, changed + " pixels changed");
        assertContains(PngText.read(Path.of(fixed[0])).get("sd-metadata"),
                "\"prompt\": [{\"prompt\": \"" + work.resolve("out/photo.png").toAbsolutePath() + "\"");
    }

    @Test
    void aMissingModelFileIsOneLineAndTheImageIsStillSaved() throws Exception {
        Path dist = Launcher.dist().toAbsolutePath();
        Path config = work.resolve("configs/models.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                tiny:
                  path: %s
                  upscaler: realesrgan
                realesrgan:
                  format: upscaler
                  path: models/postprocess/realesr-general-x4v3.onnx
                gfpgan:
                  format: face_restorer
                  path: %s
                  detector: nowhere
                lanczos-by-name:
                  format: upscaler
                  type: lanczos
                """.formatted(dist.resolve("models/tiny-sd"), dist.resolve("models/postprocess/GFPGANv1.4.onnx")));
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5 -U 2\n\"a cat\" " + SMALL + " -S 6 -G 0.5\n",
                "-o", "out", "--config", config.toString());
        Path missing = work.resolve("models/postprocess/realesr-general-x4v3.onnx");
        assertContains(run.stdout(), "** -U realesrgan: model file not found: " + missing
                + "; the image is kept without upscaling\n");
        assertEquals(64, read(output(run.stdout(), "1")[0]).getWidth());
        assertContains(run.stdout(), "** -G gfpgan: no models.yaml entry 'nowhere' (the detector of gfpgan); the image"
                + " is kept without face restoration\n");
        assertTrue(Files.exists(Path.of(output(run.stdout(), "2")[0])));

        // --gfpgan_model_path names GFPGAN's file instead of models.yaml
        Path gfpgan = work.resolve("elsewhere/GFPGANv1.3.onnx");
        Launcher.Run other = invoke("\"a cat\" " + SMALL + " -S 7 -G 0.5\n", "-o", "out2", "--gfpgan_model_path",
                gfpgan.toString());
        assertContains(other.stdout(), "** -G gfpgan: model file not found: " + gfpgan
                + "; the image is kept without face restoration\n");
    }

    @Test
    void lanczosUpscalesWithoutAModelFile() throws Exception {
        Path dist = Launcher.dist().toAbsolutePath();
        Path config = work.resolve("configs/models.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                tiny:
                  path: %s
                  upscaler: lanczos
                """.formatted(dist.resolve("models/tiny-sd")));
        Launcher.Run run = invoke("\"a cat\" " + SMALL + " -S 5 -U 3\n", "-o", "out", "--config", config.toString());
        assertContains(run.stdout(), ">> lanczos Upscaling seed:5, scale:3x");
        assertEquals(192, read(output(run.stdout(), "1")[0]).getWidth());
    }
}
