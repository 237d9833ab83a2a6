package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code invoke>} REPL of the built distribution, driven through piped standard input. */
class ReplIT {
    private static final String SMALL = "-s 3 -W 64 -H 64";

    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin, String... args) throws Exception {
        return Launcher.run(work, stdin, "invoke", args);
    }

    private static String outputLine(String stdout, String counter) {
        Matcher m = Pattern.compile("^\\[" + Pattern.quote(counter) + "\\] (.*)$", Pattern.MULTILINE).matcher(stdout);
        assertTrue(m.find(), "an Outputs line [" + counter + "] in:\n" + stdout);
        return m.group(1);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    private static void assertSuccess(Launcher.Run run) {
        assertEquals(0, run.exitCode(), run::all);
    }

    @Test
    void writesPngWhoseMetadataIsThePrintedCommand() throws Exception {
        Launcher.Run run = invoke("\"a red fox\" " + SMALL + " -S 42\nq\n", "-o", "out");
        assertSuccess(run);
        String expected = "\"a red fox\" -s 3 -S 42 -W 64 -H 64 -C 7.5 -A k_lms";
        Path png = work.resolve("out/000001.42.png").toAbsolutePath();
        assertEquals(png + ": " + expected, outputLine(run.stdout(), "1"));
        Map<String, String> chunks = PngText.read(png);
        assertEquals(expected, chunks.get("Dream"));
        assertTrue(chunks.containsKey("sd-metadata") && chunks.containsKey("parameters"), chunks::toString);
        assertEquals(png + ": " + expected + "\n", Files.readString(work.resolve("out/invoke_log.txt")));
        assertContains(run.stdout(), "goodbye!");
        assertContains(run.stderr(), "3/3"); // the progress line
    }

    @Test
    void theSameCommandAgainGivesAByteIdenticalImage() throws Exception {
        String command = "\"a lighthouse at dusk\" " + SMALL + " -S 1234 -A k_euler_a\n";
        assertSuccess(invoke(command, "-o", "first"));
        assertSuccess(invoke(command, "-o", "second"));
        assertArrayEquals(Files.readAllBytes(work.resolve("first/000001.1234.png")),
                Files.readAllBytes(work.resolve("second/000001.1234.png")));
    }

    @Test
    void imagesOfOneCommandFollowInvokeAisSeedChain() throws Exception {
        // f(42) = 2746317213: the first draw of Python's random seeded with 42
        Launcher.Run run = invoke("cat " + SMALL + " -S 42 -n 2\n");
        assertSuccess(run);
        assertContains(outputLine(run.stdout(), "1.1"), "000001.42.png: \"cat\" -s 3 -S 42 ");
        assertContains(outputLine(run.stdout(), "1.2"), "000001.2746317213.png: \"cat\" -s 3 -S 2746317213 ");
    }

    @Test
    void aCommandWithoutSeedContinuesTheChain() throws Exception {
        // g(42) = 478163327: the second draw after reseeding with 42 (the first was taken after the image)
        Launcher.Run run = invoke("cat " + SMALL + " -S 42\ncat " + SMALL + "\n");
        assertSuccess(run);
        assertContains(outputLine(run.stdout(), "2"), "000002.478163327.png");
    }

    @Test
    void aBadSwitchPrintsOneLineAndTheReplGoesOn() throws Exception {
        Launcher.Run run = invoke("cat -s x\ncat -A nosuch\ncat " + SMALL + " -S 7\n");
        assertSuccess(run);
        assertContains(run.stdout(), "** argument -s/--steps: invalid int value: 'x'\n");
        assertTrue(Pattern.compile("\\*\\* argument -A/-m/--sampler: invalid choice: 'nosuch' \\(choose from .*'k_lms'.*\\)\n")
                .matcher(run.stdout()).find(), run.stdout());
        assertFalse(run.all().contains("Exception") || run.all().contains("\tat "), run.all());
        assertContains(outputLine(run.stdout(), "1"), "000001.7.png");
    }

    @Test
    void helpAtThePromptListsTheSamplers() throws Exception {
        Launcher.Run run = invoke("-h\n");
        for (String part : List.of("usage: invoke>", "k_lms", "k_euler_a", "ddim")) {
            assertContains(run.stdout(), part);
        }
    }

    @Test
    void quitWordsAndEndOfInputLeaveCleanly() throws Exception {
        for (String quit : List.of("q\n", "quit\n", "exit\n")) {
            Launcher.Run run = invoke(quit + "never run " + SMALL + "\n");
            assertSuccess(run);
            assertContains(run.stdout(), "goodbye!");
            assertFalse(run.stdout().contains("Outputs:"), quit);
        }
        Launcher.Run eof = invoke("");
        assertSuccess(eof);
        assertContains(eof.stdout(), "goodbye!");
    }

    @Test
    void commandsComeFromAFileWhenAsked() throws Exception {
        Files.writeString(work.resolve("cmds.txt"), "# a comment\n\"from a file\" " + SMALL + " -S 5\n");
        Launcher.Run run = invoke("", "--from_file", "cmds.txt", "-o", "out");
        assertSuccess(run);
        assertContains(run.stdout(), "#\"from a file\" " + SMALL + " -S 5");
        assertFalse(run.stdout().contains("Initialization done"));
        assertTrue(Files.exists(work.resolve("out/000001.5.png")));
    }

    @Test
    void commandsComeFromStandardInputWithFromFileDash() throws Exception {
        Launcher.Run run = invoke("piped " + SMALL + " -S 6\n", "--from_file", "-", "-o", "out");
        assertSuccess(run);
        assertTrue(Files.exists(work.resolve("out/000001.6.png")));
    }

    @Test
    void startupDefaultsApplyToEveryCommand() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -S 42\n", "-A", "k_euler", "-n", "2", "-o", "out");
        assertSuccess(run);
        assertTrue(outputLine(run.stdout(), "1.1").endsWith("-A k_euler"), run.stdout());
        assertContains(outputLine(run.stdout(), "1.2"), "-S 2746317213");
    }

    @Test
    void aMissingCommandFileStopsStartWithOneLine() throws Exception {
        Launcher.Run run = invoke("", "--from_file", "nope.txt");
        assertEquals(1, run.exitCode());
        assertEquals("nope.txt not found. Aborting.", run.stderr().strip());
    }

    @Test
    void anUnknownStartupSwitchIsOneLineAndExitStatusTwo() throws Exception {
        Launcher.Run run = invoke("", "--bogus");
        assertEquals(2, run.exitCode());
        assertEquals("invoke: error: Unknown option: '--bogus' (see --help)", run.stderr().strip());
    }

    @Test
    void anUnknownStartupSamplerOrModelIsOneLine() throws Exception {
        Launcher.Run sampler = invoke("", "--sampler", "nosuch");
        assertEquals(1, sampler.exitCode());
        String samplerLine = sampler.stderr().strip();
        assertTrue(samplerLine.startsWith("** unknown sampler 'nosuch' (known: ") && samplerLine.contains("k_lms")
                && !samplerLine.contains("\n"), samplerLine);
        Launcher.Run model = invoke("", "--model", "nosuch");
        assertEquals(1, model.exitCode());
        String modelLine = model.stderr().strip();
        assertTrue(modelLine.startsWith("** \"nosuch\" is not a known model name") && modelLine.contains("tiny-sd")
                && !modelLine.contains("\n"), modelLine);
    }

    @Test
    void startupHelpListsTheSwitches() throws Exception {
        Launcher.Run run = invoke("", "--help");
        assertSuccess(run);
        for (String option : List.of("--outdir", "--config", "--model", "--sampler", "--iterations", "--from_file")) {
            assertContains(run.stdout(), option);
        }
    }

    @Test
    void theFloat16ModelRunsThroughTheSamePipeline() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -S 9\n", "--model", "tiny-sd-fp16", "-o", "out");
        assertSuccess(run);
        assertTrue(Files.exists(work.resolve("out/000001.9.png")));
    }

    @Test
    void images2promptPrintsTheStoredCommand() throws Exception {
        assertSuccess(invoke("\"an owl\" " + SMALL + " -S 11\n", "-o", "out"));
        Files.writeString(work.resolve("not-a.png"), "text");
        Launcher.Run run = Launcher.run(work, "", "images2prompt", "out/000001.11.png", "not-a.png", "missing.png");
        assertEquals("out/000001.11.png: \"an owl\" -s 3 -S 11 -W 64 -H 64 -C 7.5 -A k_lms\n", run.stdout());
        assertContains(run.stderr(), "not-a.png");
        assertContains(run.stderr(), "missing.png not found");
        assertFalse(run.stderr().contains("Exception"));
        Launcher.Run usage = Launcher.run(work, "", "images2prompt");
        assertEquals(255, usage.exitCode());
        assertTrue(usage.stdout().startsWith("Usage: "), usage.stdout());
    }
}
