package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTextTest {
    private final String help = new CommandParser(List.of("ddim", "k_lms", "plms", "k_euler_a", "k_euler",
            "k_heun", "k_dpm_2", "k_dpm_2_a", "k_dpmpp_2", "k_dpmpp_2_a")).helpText();

    private List<String> lines() {
        return help.lines().toList();
    }

    @Test
    void startsWithTheUsageLineInSwitchOrder() {
        assertEquals("usage: invoke> [-h] prompt [-s STEPS] [-S SEED] [-n ITERATIONS] [-W WIDTH] [-H HEIGHT]"
                + " [-C CFG_SCALE] [-A SAMPLER_NAME] [--outdir OUTDIR]", lines().get(0));
    }

    @Test
    void describesTheCommandWithAnExample() {
        assertTrue(help.contains("Generates images from a text prompt."), help);
        assertTrue(help.contains("    invoke> a fantastic alien landscape -W576 -H512 -s60 -n4\n"), help);
    }

    @Test
    void listsEachSwitchWithItsNamesAndHelpAsArgparseLaysThemOut() {
        assertTrue(help.contains("\noptions:\n  -h, --help            show this help message and exit\n"), help);
        assertTrue(help.contains("\nGeneral rendering:\n  -s STEPS, --steps STEPS\n"
                + "                        Number of steps\n"), help);
        assertTrue(help.contains("  -S SEED, --seed SEED  Image seed; a +ve integer, or use -1 for the previous\n"
                + "                        seed, -2 for the one before that, etc\n"), help);
        assertTrue(help.contains("  -n ITERATIONS, --iterations ITERATIONS\n"), help);
        assertTrue(help.contains("  -W WIDTH, --width WIDTH\n                        Image width, multiple of 64\n"),
                help);
        assertTrue(help.contains("  -H HEIGHT, --height HEIGHT\n"), help);
        assertTrue(help.contains("  -C CFG_SCALE, --cfg_scale CFG_SCALE\n                        Classifier free"
                + " guidance (CFG) scale - higher numbers\n"), help);
        assertTrue(help.contains("  -A SAMPLER_NAME, -m SAMPLER_NAME, --sampler SAMPLER_NAME\n"), help);
        assertTrue(help.contains("  --outdir OUTDIR, -o OUTDIR\n                        Directory to save"), help);
        assertTrue(help.contains("\npositional arguments:\n  prompt                the text to draw;"), help);
    }

    @Test
    void listsTheSamplerNamesInTheOrderGiven() {
        assertTrue(help.contains("Switch to a different sampler. Supported samplers:\n"
                + "                        ddim, k_lms, plms, k_euler_a, k_euler, k_heun,\n"
                + "                        k_dpm_2, k_dpm_2_a, k_dpmpp_2, k_dpmpp_2_a\n"), help);
    }

    @Test
    void keepsHelpLinesWithinTheWidth() {
        lines().stream().skip(1).forEach(line -> assertTrue(line.length() <= 78, line));
    }
}
