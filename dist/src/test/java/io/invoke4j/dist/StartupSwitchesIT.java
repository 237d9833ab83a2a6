package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.output.PngText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every start-up switch of the reference manual, on the built distribution. */
class StartupSwitchesIT {
    private static final String SMALL = "-s 2 -W 64 -H 64";

    @TempDir
    Path work;

    private Launcher.Run invoke(String stdin, String... args) throws Exception {
        return Launcher.run(work, stdin, "invoke", args);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    private static void assertOneLineFailure(Launcher.Run run, String start) {
        assertEquals(1, run.exitCode(), run::all);
        String line = run.stderr().strip();
        assertTrue(line.startsWith(start), () -> "expected <" + start + "...> in:\n" + run.all());
        assertFalse(line.contains("\n") || line.contains("Exception"), line);
    }

    @Test
    void helpListsEverySwitchOfTheManual() throws Exception {
        Launcher.Run run = invoke("", "--help");
        assertEquals(0, run.exitCode());
        for (String option : List.of("--outdir", "--prompt_as_dir", "--from_file", "--model", "--full_precision", "--web",
                "--host", "--port", "--config", "--iterations", "--grid", "--sampler", "--seamless", "--embedding_path",
                "--gfpgan_dir", "--gfpgan_model_path", "--device", "--free_gpu_mem", "--precision", "--weights",
                "--laion400m", "--fnformat", "--png_compression", "--steps", "--width", "--height", "--cfg_scale",
                "--strength", "--fit", "--no-fit", "--no-grid", "--karras_max", "--max_loaded_models", "-o", "-p", "-F",
                "-n", "-g", "-A", "-d", "-l", "-z", "-s", "-W", "-H", "-C", "-f", "-T", "--version", "-V")) {
            assertContains(run.stdout(), option);
        }
    }

    @Test
    void precisionPicksTheModelsFloat16Variant() throws Exception {
        Launcher.Run run = invoke("cat " + SMALL + " -S 3\n", "--precision", "float16", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), ">> Loading tiny-sd from " + Launcher.dist().toAbsolutePath().normalize()
                .resolve("models/tiny-sd-fp16"));
        assertContains(run.stdout(), ">> Using faster float16 precision");
        assertTrue(Files.exists(work.resolve("out/000001.3.png")));
        // without --precision a float16 entry runs its own weights on the CPU, not its float32 variant
        Launcher.Run half = invoke("", "--model", "tiny-sd-fp16");
        assertEquals(0, half.exitCode(), half::all);
        assertContains(half.stdout(), "/models/tiny-sd-fp16 (engine onnx)");
        assertContains(half.stdout(), ">> Using faster float16 precision");
    }

    @Test
    void fullPrecisionIsDeprecatedForFloat32() throws Exception {
        Launcher.Run run = invoke("", "-F", "--model", "tiny-sd-fp16");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), ">> --full_precision / -F is deprecated. Please use --precision float32.");
        assertContains(run.stdout(), "/models/tiny-sd (engine onnx)");
        assertContains(run.stdout(), ">> Using more accurate float32 precision");
        assertOneLineFailure(invoke("", "-F", "--precision", "float16"), "** Remove --full_precision / -F if using --precision");
    }

    @Test
    void aDeviceThatIsNotThereIsOneLine() throws Exception {
        // the engine's line, with the model and the engine it was opened on
        assertOneLineFailure(invoke("", "-d", "cuda:1"),
                "** model 'tiny-sd' on engine 'onnx': device cuda:1 needs ONNX Runtime's CUDA provider");
        assertOneLineFailure(invoke("", "--device", "tpu"),
                "** model 'tiny-sd' on engine 'onnx': unknown device 'tpu': use cpu, cuda, cuda:N or auto");
        Launcher.Run cpu = invoke("cat " + SMALL + " -S 4\n", "-d", "cpu", "-o", "out");
        assertEquals(0, cpu.exitCode(), cpu::all);
        assertTrue(Files.exists(work.resolve("out/000001.4.png")));
    }

    @Test
    void theDeprecatedWeightsSwitchStillLoadsAFolder() throws Exception {
        Path folder = Launcher.dist().resolve("models/tiny-sd").toAbsolutePath();
        Launcher.Run run = invoke("cat " + SMALL + " -S 5\n", "--weights", folder.toString(), "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), "--weights argument has been deprecated. Please edit ./configs/models.yaml");
        assertContains(run.stdout(), ">> Loading tiny-sd from " + folder.normalize());
        assertTrue(Files.exists(work.resolve("out/000001.5.png")));
        Launcher.Run laion = invoke("", "-l");
        assertContains(laion.stdout(), "--laion400m flag has been deprecated. Please use --model laion400m instead.");
        assertOneLineFailure(laion, "** \"laion400m\" is not a known model name.");
    }

    @Test
    void webIsParsedAndSaysItIsNotHereYet() throws Exception {
        assertOneLineFailure(invoke("", "--web", "--host", "0.0.0.0", "--port", "9099"),
                "** --web: the web front end is not part of this build yet");
        assertOneLineFailure(invoke("", "--port", "0"), "** --port must be between 1 and 65535, not 0");
    }

    @Test
    void startupDefaultsForGridSeamlessAndPromptFolders() throws Exception {
        Launcher.Run run = invoke("\"a fox: at night\" " + SMALL + " -S 8 -n 2\n", "-g", "--seamless", "-p",
                "--embedding_path", "learned_embeds.bin", "--free_gpu_mem", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), "** --embedding_path learned_embeds.bin ignored");
        assertContains(run.stdout(), "** --free_gpu_mem has no effect");
        Path dir = work.resolve("out/a fox_ at night");
        assertContains(run.stdout(), "Writing files to directory: \"" + dir.toAbsolutePath() + "\"");
        try (var files = Files.list(dir)) {
            List<String> pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).toList();
            assertEquals(List.of("000001.8.png"), pngs, "one grid for the series");
        }
        String command = PngText.read(dir.resolve("000001.8.png")).get("Dream");
        assertTrue(command.contains("--seamless") && command.contains("-g") , command);
    }

    @Test
    void commandDefaultsAtStartUpAreRecordedAndTheLineWins() throws Exception {
        Launcher.Run run = invoke("cat -S 3\ncat -S 3 -s 1 -C 9 --karras_max 5\n!switch tiny-sd-fp16\n!models\n",
                "-s", "2", "-W", "64", "-H", "64", "-C", "3", "--karras_max", "0", "--max_loaded_models", "1", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), ">> Ksampler using model noise schedule (steps >= 0)");
        assertContains(run.stdout(), ">> Ksampler using karras noise schedule (steps < 5)");
        // --max_loaded_models 1: the model switched away from is closed, not kept in the cache
        assertContains(run.stdout(), ">> Unloading tiny-sd to free memory\n");
        assertContains(run.stdout(), String.format("%-25s %10s  ", "tiny-sd", "not loaded"));
        assertContains(run.stdout(), String.format("%-25s %10s  ", "tiny-sd-fp16", "active"));
        Path out = work.resolve("out");
        assertEquals("\"cat\" -s 2 -S 3 -W 64 -H 64 -C 3.0 -A k_lms", PngText.read(out.resolve("000001.3.png")).get("Dream"));
        assertEquals("\"cat\" -s 1 -S 3 -W 64 -H 64 -C 9.0 --karras_max 5 -A k_lms",
                PngText.read(out.resolve("000002.3.png")).get("Dream"));

        Launcher.Run bad = invoke("", "-C", "1");
        assertEquals(2, bad.exitCode(), bad::all);
        assertEquals("invoke: error: CFG_Scale (-C) must be >1.0 (see --help)", bad.stderr().strip());
    }

    @Test
    void versionPrintsTheBuildsVersionAndExits() throws Exception {
        Launcher.Run run = invoke("", "--version");
        assertEquals(0, run.exitCode(), run::all);
        assertTrue(run.stdout().matches("invoke4j \\d+\\.\\d+\\.\\d+\\S*, the InvokeAI 2\\.2\\.5 command line\\n"), run.stdout());
        assertEquals(run.stdout(), invoke("", "-V").stdout());
    }

    @Test
    void theInitFileInHomeGivesSwitchesTheCommandLineOverrides() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Path init = home.resolve(".invokeai");
        Files.writeString(init, "# InvokeAI 2.1.3's file of start-up switches\n-s 1 -W 64 -H 64\n--outdir \"from init\"\n");
        Launcher.Run run = Launcher.run(Launcher.dist(), java.util.Map.of("HOME", home.toString()), work,
                "cat -S 3\n", "invoke", "-s", "2");
        assertEquals(0, run.exitCode(), run::all);
        assertContains(run.stdout(), ">> Initialization file " + init + " found. Loading...\n");
        assertEquals("\"cat\" -s 2 -S 3 -W 64 -H 64 -C 7.5 -A k_lms",
                PngText.read(work.resolve("from init/000001.3.png")).get("Dream"), "the file's size and folder, -s 2 from the line");

        Launcher.Run none = Launcher.run(Launcher.dist(), java.util.Map.of("HOME", work.resolve("nobody").toString()),
                work, "", "invoke", "-o", "out");
        assertContains(none.stdout(), ">> Initialization file " + work.resolve("nobody/.invokeai")
                + " not found. Applying default settings...\n");

        Files.writeString(init, "--sampler k_nope --bogus\n");
        Launcher.Run bad = Launcher.run(Launcher.dist(), java.util.Map.of("HOME", home.toString()), work, "", "invoke");
        assertEquals(2, bad.exitCode(), bad::all);
        assertEquals("invoke: error: " + init + ": Unknown option: '--bogus'", bad.stderr().strip());
    }

    @Test
    void fnformatNamesAndZPacksTheFilesTheLineWinningOverStartUp() throws Exception {
        String cat = "cat " + SMALL + " -S 3";
        Launcher.Run run = invoke(cat + "\n"
                        + cat + " -z 9 --fnformat {prefix}.{seed}.s{steps}.{sampler_name}.png\n"
                        + cat + " --fnformat {prefix}.{nope}.png\n"
                        + cat + " -z 10\n"
                        + cat + " --fnformat {seed!r}.png\n"
                        + "-h\n",
                "--fnformat", "{prefix}.{seed:010d}.png", "-z", "0", "-o", "out");
        assertEquals(0, run.exitCode(), run::all);
        Path out = work.resolve("out");
        Path stored = out.resolve("000001.0000000003.png");
        Path packed = out.resolve("000002.3.s2.k_lms.png");
        assertTrue(Files.exists(stored), run::all);
        assertTrue(Files.exists(packed), run::all);
        assertContains(run.stdout(), "** The filename format contains an unknown key 'nope'. Will use"
                + " '{prefix}.{seed}.png' instead\n");
        assertTrue(Files.exists(out.resolve("000003.3.png")), run::all);
        assertContains(run.stdout(), "** argument --png_compression/-z: invalid choice: 10 (choose from 0, 1, 2, 3, 4,"
                + " 5, 6, 7, 8, 9)\n");
        assertContains(run.stdout(), "** argument --fnformat: invalid format '{seed!r}.png': {seed!r}: conversions"
                + " such as !r or !s are not supported\n");
        assertFalse(run.all().contains("Exception"), run::all);
        assertContains(run.stdout(), "  --fnformat FNFORMAT   Overwrite the filename format.");
        assertContains(run.stdout(), "  --png_compression PNG_COMPRESSION, -z PNG_COMPRESSION\n");
        // the same image and metadata, stored (zlib level 0) against packed (level 9)
        assertTrue(Files.size(stored) > Files.size(packed), Files.size(stored) + " > " + Files.size(packed));
        var a = javax.imageio.ImageIO.read(stored.toFile());
        var b = javax.imageio.ImageIO.read(packed.toFile());
        assertArrayEquals(a.getRGB(0, 0, 64, 64, null, 0, 64), b.getRGB(0, 0, 64, 64, null, 0, 64));
        assertEquals(PngText.read(stored), PngText.read(packed));
        assertEquals("\"cat\" -s 2 -S 3 -W 64 -H 64 -C 7.5 -A k_lms", PngText.read(packed).get("Dream"));

        Launcher.Run badLevel = invoke("", "-z", "10");
        assertEquals(2, badLevel.exitCode(), badLevel::all);
        assertEquals("invoke: error: Invalid value for option '--png_compression': must be between 0 and 9, not 10"
                + " (see --help)", badLevel.stderr().strip());
        Launcher.Run badFormat = invoke("", "--fnformat", "{seed");
        assertEquals(2, badFormat.exitCode(), badFormat::all);
        assertEquals("invoke: error: Invalid value for option '--fnformat': '{seed': expected '}' before end of"
                + " string (see --help)", badFormat.stderr().strip());
    }

    @Test
    void aFaultInModelsYamlNamesTheEntryAndField() throws Exception {
        Path config = work.resolve("configs/models.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "mine:\n  path: models/mine\n  width: big\n");
        assertOneLineFailure(invoke("", "-c", config.toString()),
                "** " + config + ": model 'mine' field 'width' should be a whole number of pixels, not 'big'");
        Files.writeString(config, "mine:\n  path: " + Launcher.dist().toAbsolutePath().resolve("models/tiny-sd")
                + "\n  engine: tensorflow\n");
        assertOneLineFailure(invoke("", "-c", config.toString()),
                "** model 'mine' names engine 'tensorflow', which no plugin provides (engines: djl, onnx)");
        Files.writeString(config, "mine:\n  path: " + Launcher.dist().toAbsolutePath().resolve("models/tiny-sd")
                + "\n  sampler: k_fancy\n");
        assertOneLineFailure(invoke("", "-c", config.toString()),
                "** model 'mine' field 'sampler': no plugin provides 'k_fancy' (samplers: ddim, ");
    }
}
