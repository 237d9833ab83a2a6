package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every switch through the PNG and back: the command an image stores ({@code Dream}, read by {@code !fetch} and
 * {@code images2prompt}) is the command printed for it, and running that command again gives the same image.
 */
class RoundTripIT {
    @TempDir
    Path work;

    private static String[] output(String stdout, String counter) {
        Matcher m = Pattern.compile("^\\[" + Pattern.quote(counter) + "\\] (.*?\\.png): (.*)$", Pattern.MULTILINE).matcher(stdout);
        assertTrue(m.find(), "Outputs line [" + counter + "] in:\n" + stdout);
        return new String[] {m.group(1), m.group(2)};
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\"a red fox\" -s 3 -S 11 -W 64 -H 64",
        "\"a red fox\" -s 3 -S 11 -W 100 -H 70 -C 9.5 -A k_euler_a",
        "\"a fox [blurry]:0.7 a wolf:0.3\" -s 3 -S 11 -W 64 -H 64 -x -t",
        "\"a fox\" -s 3 -S 11 -W 64 -H 64 -n 2 -g",
        "\"a fox\" -s 3 -S 11 -W 64 -H 64 -V 99:0.25",
        "\"a fox\" -s 3 -S 11 -W 64 -H 64 -v 0.2",
        "\"a fox\" -s 3 -S 11 -W 64 -H 64 --seamless -A ddim",
        "\"a fox\" -s 3 -S 11 -W 64 -H 64 --hires_fix -A plms",
    })
    void theStoredCommandIsThePrintedOneAndReproducesTheImage(String command) throws Exception {
        Launcher.Run first = Launcher.run(work, command + "\n", "invoke", "-o", "first");
        assertEquals(0, first.exitCode(), first::all);
        String[] image = output(first.stdout(), first.stdout().contains("[1.1]") ? "1.1" : "1");
        Path png = Path.of(image[0]);
        assertEquals(image[1], PngText.read(png).get("Dream"));

        Launcher.Run fetch = Launcher.run(work, "!fetch " + png.getFileName() + "\n", "invoke", "-o", "first");
        assertTrue(fetch.stdout().contains("# " + image[1] + "\n"), fetch.stdout());

        Launcher.Run again = Launcher.run(work, image[1] + "\n", "invoke", "-o", "again");
        assertEquals(0, again.exitCode(), again::all);
        String[] replay = output(again.stdout(), "1");
        assertEquals(image[1], replay[1]);
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(Path.of(replay[0])));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-f 0.6", "-f 0.6 --fit -W 64 -H 64", "-M mask.png -f 0.8",
        "-M mask.png --invert_mask --init_color mask.png -f 0.8 -r 0.5"})
    void img2imgCommandsRoundTripThroughThePng(String switches) throws Exception {
        BufferedImage mask = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                mask.setRGB(x, y, x < 32 ? 0 : 0xffffffff);
            }
        }
        ImageIO.write(mask, "png", work.resolve("mask.png").toFile());
        Launcher.Run run = Launcher.run(work, "\"a fox\" -s 3 -S 11 -W 64 -H 64\n\"a wolf\" -s 4 -S 12 -I 000001.11.png "
                + switches + "\n", "invoke", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        String[] image = output(run.stdout(), "2");
        assertEquals(image[1], PngText.read(Path.of(image[0])).get("Dream"));
        Launcher.Run fetch = Launcher.run(work, "!fetch " + Path.of(image[0]).getFileName() + "\n", "invoke", "-o", "out");
        assertTrue(fetch.stdout().contains("# " + image[1] + "\n"), fetch.stdout());
        // the VAE encoder samples with its own unseeded noise (as InvokeAI's does), so the replayed image is not
        // byte-identical; the command is
        Launcher.Run again = Launcher.run(work, image[1] + "\n", "invoke", "-o", "out");
        assertEquals(0, again.exitCode(), again::all);
        // its outputs are numbered after the three commands already in the folder's history, as InvokeAI's are
        assertEquals(image[1], output(again.stdout(), "4")[1]);
    }
}
