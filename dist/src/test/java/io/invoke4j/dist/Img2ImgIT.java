package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * img2img ({@code -I}, {@code -f}, {@code --fit}), inpainting ({@code -M}, {@code --invert_mask}, {@code -r}) and
 * {@code --init_color} through the built distribution.
 */
class Img2ImgIT {
    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin) throws Exception {
        Launcher.Run run = Launcher.run(work, stdin, "invoke", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        return run;
    }

    private static String[] output(String stdout, String counter) {
        Matcher m = Pattern.compile("^\\[" + Pattern.quote(counter) + "\\] (.*?\\.png): (.*)$", Pattern.MULTILINE).matcher(stdout);
        assertTrue(m.find(), "Outputs line [" + counter + "] in:\n" + stdout);
        return new String[] {m.group(1), m.group(2)};
    }

    /** Mean absolute difference per channel value over the pixels where {@code left} says. */
    private static double meanDiff(BufferedImage a, BufferedImage b, boolean left) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((x < a.getWidth() / 2) != left) {
                    continue;
                }
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    count++;
                }
            }
        }
        return (double) sum / count;
    }

    @Test
    void anInitImageFromTheOutputFolderIsReworkedAndRecorded() throws Exception {
        Launcher.Run run = invoke("\"a cat\" -s 4 -W 128 -H 128 -S 5\n\"a dog\" -s 4 -S 6 -I 000001.5.png -f 0.5\n");
        String[] source = output(run.stdout(), "1");
        String[] reworked = output(run.stdout(), "2");
        assertTrue(reworked[1].matches("\"a dog\" -s 4 -S 6 -W 512 -H 512 -C 7\\.5 -I \\S+000001\\.5\\.png -A k_lms -f 0\\.5"),
                reworked[1]);
        BufferedImage init = ImageIO.read(Path.of(source[0]).toFile());
        BufferedImage out = ImageIO.read(Path.of(reworked[0]).toFile());
        assertEquals(128, out.getWidth(), "img2img works at the init image's size");
        assertEquals(128, out.getHeight());
        assertTrue(meanDiff(init, out, true) > 0, "the image was reworked");
        String metadata = PngText.read(Path.of(reworked[0])).get("sd-metadata");
        assertTrue(metadata.contains("\"type\": \"img2img\"") && metadata.contains("\"strength_steps\": 0.5")
                && metadata.contains("\"orig_hash\": \""), metadata);
        assertTrue(run.stdout().contains("starting at step 2 of 4 (2 new sampling steps)"), run.stdout());
    }

    @Test
    void inpaintingRepaintsTheTransparentAreaAndKeepsTheRest() throws Exception {
        invoke("\"a cat\" -s 4 -W 128 -H 128 -S 5\n");
        // a mask whose left half is transparent: repaint there, keep the right half
        BufferedImage mask = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                mask.setRGB(x, y, x < 64 ? 0x00000000 : 0xffffffff);
            }
        }
        ImageIO.write(mask, "png", work.resolve("mask.png").toFile());
        Launcher.Run run = invoke("\"a dog\" -s 10 -S 6 -I out/000001.5.png -M mask.png -f 0.9\n");
        assertTrue(run.stdout().contains(">> Using recommended DDIM sampler for inpainting."), run.stdout());
        assertTrue(run.stdout().contains(">> target t_enc is 9 steps"), run.stdout()); // int(0.9 * 10)
        // numbered after the first session's command, which the output folder's history holds
        String[] inpainted = output(run.stdout(), "2");
        assertTrue(inpainted[1].contains("-A k_lms -M mask.png -f 0.9"), inpainted[1]);
        BufferedImage init = ImageIO.read(work.resolve("out/000001.5.png").toFile());
        BufferedImage out = ImageIO.read(Path.of(inpainted[0]).toFile());
        double repainted = meanDiff(init, out, true);
        double kept = meanDiff(init, out, false);
        System.out.printf("[inpainting] mean |diff| per channel: repainted half %.2f, kept half %.2f%n", repainted, kept);
        assertTrue(kept < repainted / 2, "kept half " + kept + " vs repainted half " + repainted);
    }

    private static BufferedImage leftHalfTransparent(int size) {
        BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                mask.setRGB(x, y, x < size / 2 ? 0x00000000 : 0xffffffff);
            }
        }
        return mask;
    }

    @Test
    void invertMaskRepaintsWhatTheMaskKeepsAndKeepsWhatItRepaints() throws Exception {
        invoke("\"a cat\" -s 3 -W 64 -H 64 -S 5\n");
        ImageIO.write(leftHalfTransparent(64), "png", work.resolve("mask.png").toFile());
        Launcher.Run run = invoke("\"a dog\" -s 6 -S 6 -I out/000001.5.png -M mask.png --invert_mask -f 0.9\n");
        String[] inpainted = output(run.stdout(), "2");
        assertTrue(inpainted[1].contains("-A k_lms -M mask.png --invert_mask -f 0.9"), inpainted[1]);
        BufferedImage init = ImageIO.read(work.resolve("out/000001.5.png").toFile());
        BufferedImage out = ImageIO.read(Path.of(inpainted[0]).toFile());
        // the transparent left half is now the kept one
        double kept = meanDiff(init, out, true);
        double repainted = meanDiff(init, out, false);
        System.out.printf("[--invert_mask] mean |diff| per channel: repainted right %.2f, kept left %.2f%n",
                repainted, kept);
        assertTrue(kept < repainted / 2, "kept left half " + kept + " vs repainted right half " + repainted);
    }

    @Test
    void inpaintReplaceSaysSoAndIsRecordedWithItsValue() throws Exception {
        invoke("\"a cat\" -s 3 -W 64 -H 64 -S 5\n");
        ImageIO.write(leftHalfTransparent(64), "png", work.resolve("mask.png").toFile());
        Launcher.Run run = invoke("\"a dog\" -s 4 -S 6 -I out/000001.5.png -M mask.png -f 0.5 -r 1\n"
                + "\"a dog\" -s 4 -S 6 -I out/000001.5.png -M mask.png -f 0.5\n");
        assertTrue(run.stdout().contains(">> inpaint will replace what was under the mask with a strength of 1.0\n"),
                run.stdout());
        String[] replaced = output(run.stdout(), "2");
        String[] plain = output(run.stdout(), "3");
        assertTrue(replaced[1].endsWith("-M mask.png -f 0.5 --inpaint_replace 1.0"), replaced[1]);
        BufferedImage a = ImageIO.read(Path.of(replaced[0]).toFile());
        BufferedImage b = ImageIO.read(Path.of(plain[0]).toFile());
        // the same seed, but the repainted half started from other latents
        assertTrue(meanDiff(a, b, true) > 0, "-r 1 changed nothing in the repainted half");
    }

    @Test
    void initColorGivesTheImageTheReferencesColours() throws Exception {
        BufferedImage reference = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                reference.setRGB(x, y, 0x3c78b4);
            }
        }
        ImageIO.write(reference, "png", work.resolve("ref.png").toFile());
        Launcher.Run run = invoke("\"a cat\" -s 3 -W 64 -H 64 -S 5 --init_color ref.png\n"
                + "\"a cat\" -s 3 -W 64 -H 64 -S 5 --init_color nope.png\n");
        String[] matched = output(run.stdout(), "1");
        assertTrue(matched[1].endsWith("-A k_lms --init_color ref.png"), matched[1]);
        BufferedImage out = ImageIO.read(Path.of(matched[0]).toFile());
        // every quantile of a one-colour reference is that colour
        for (int y = 0; y < 64; y += 9) {
            for (int x = 0; x < 64; x += 7) {
                assertEquals(0x3c78b4, out.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
        assertTrue(run.stdout().contains("nope.png: File not found\n"), run.stdout());
        assertFalse(run.all().contains("Exception"), run.all());
    }

    @Test
    void badInitImagesAreOneLine() throws Exception {
        Launcher.Run run = invoke("cat -s 2 -I nope.png\ncat -s 2 -f 1.5 -I nope.png\ncat -s 2 -M mask.png\n"
                + "cat -s 2 -I x.png -r 1.5\ncat -s 2 --invert_mask\n");
        assertTrue(run.stdout().contains("** >> nope.png: File not found\n") || run.stdout().contains("nope.png: File not found\n"),
                run.stdout());
        assertTrue(run.stdout().contains("** img2img and inpaint strength can only work with 0.0 < strength < 1.0\n"), run.stdout());
        assertTrue(run.stdout().contains("** -M/--init_mask needs -I/--init_img\n"), run.stdout());
        assertTrue(run.stdout().contains("** inpaint_replace must be between 0.0 and 1.0\n"), run.stdout());
        assertTrue(run.stdout().contains("** --invert_mask needs -I/--init_img"), run.stdout());
        assertFalse(run.all().contains("Exception"), run.all());
    }
}
