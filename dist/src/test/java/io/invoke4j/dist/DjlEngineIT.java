package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine: djl} from a user's side: switching a models.yaml entry's engine keeps its images, and what can go
 * wrong with an engine (a name no plugin provides, a folder it cannot read, its native library missing) stops
 * start-up with one line naming the model, the engine and what to do.
 */
class DjlEngineIT {
    private static final String COMMAND = "\"a red fox in the snow\" -s 6 -S 123 -W 128 -H 128 -A k_euler\n";

    @TempDir
    Path work;

    /** {@code configs/models.yaml} in the work folder with one entry per {name, folder, engine}. */
    private Path catalogue(List<String[]> entries) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (String[] entry : entries) {
            Path folder = entry[1].startsWith("/") ? Path.of(entry[1]) : Launcher.dist().resolve("models").resolve(entry[1]);
            yaml.append(entry[0]).append(":\n")
                    .append("  path: ").append(folder.toAbsolutePath()).append('\n')
                    .append("  engine: ").append(entry[2]).append('\n');
        }
        Path file = work.resolve("configs/models.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private Launcher.Run invoke(Path config, String model) throws Exception {
        return Launcher.run(work, COMMAND, "invoke", "--config", config.toString(), "--model", model,
                "--from_file", "-", "-o", model);
    }

    /** The one line a failed start-up prints, checked to be one line with no stack trace. */
    private static String startupFailure(Launcher.Run run) {
        assertEquals(1, run.exitCode(), run::all);
        List<String> errors = run.stderr().lines().filter(l -> !l.isBlank()).toList();
        System.out.println("[djl-cli] " + String.join(" | ", errors));
        assertEquals(1, errors.size(), run::stderr);
        assertFalse(run.all().contains("\tat ") || run.all().contains("Exception"), run::all);
        return errors.get(0);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    @Test
    void switchingAnEntryFromOnnxToDjlKeepsItsImage() throws Exception {
        Path config = catalogue(List.of(new String[] {"on-onnx", "tiny-sd", "onnx"},
                new String[] {"on-djl", "tiny-sd", "djl"}));
        Launcher.Run onnx = invoke(config, "on-onnx");
        Launcher.Run djl = invoke(config, "on-djl");
        assertEquals(0, onnx.exitCode(), onnx::all);
        assertEquals(0, djl.exitCode(), djl::all);
        assertContains(djl.stdout(), "(engine djl)");
        BufferedImage a = ImageIO.read(work.resolve("on-onnx/000001.123.png").toFile());
        BufferedImage b = ImageIO.read(work.resolve("on-djl/000001.123.png").toFile());
        double[] diff = EnginesInOneProcessIT.pixelDiff(a, b);
        System.out.printf("[djl-cli] tiny-sd 128x128 through bin/invoke, engine onnx vs djl: max |diff| %d/255%n",
                (int) diff[0]);
        assertTrue(diff[0] <= 1, (int) diff[0] + "/255");
    }

    @Test
    void anEngineNoPluginProvidesIsOneLine() throws Exception {
        Path config = catalogue(List.<String[]>of(new String[] {"typo", "tiny-sd", "djll"}));
        String line = startupFailure(invoke(config, "typo"));
        assertEquals("** model 'typo' names engine 'djll', which no plugin provides (engines: djl, onnx); fix engine:"
                + " in models.yaml. Aborting.", line);
    }

    @Test
    void aFolderTheEngineCannotReadIsOneLine() throws Exception {
        // a diffusers folder whose unet/ holds neither model.onnx nor model.pt
        Path folder = work.resolve("half-copied");
        Path tinySd = Launcher.dist().resolve("models/tiny-sd");
        for (String part : List.of("tokenizer", "scheduler", "text_encoder", "vae_decoder")) {
            Files.createDirectories(folder.resolve(part));
            try (Stream<Path> files = Files.list(tinySd.resolve(part))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(part).resolve(file.getFileName()));
                }
            }
        }
        Files.createDirectories(folder.resolve("unet"));
        Path config = catalogue(List.<String[]>of(new String[] {"half-copied", folder.toString(), "djl"}));
        String line = startupFailure(invoke(config, "half-copied"));
        assertEquals("** model 'half-copied' on engine 'djl': engine djl finds neither model.onnx nor model.pt in "
                + folder.resolve("unet") + ": a component folder needs an ONNX graph or a TorchScript archive under"
                + " one of those names. Aborting.", line);
    }

    @Test
    void libtorchMissingIsOneLineAndNothingIsDownloaded() throws Exception {
        Path home = installationWithout("pytorch-native-cpu-");
        // an empty DJL cache: libtorch extracted by earlier runs must not stand in for the missing jar
        Path cache = Files.createDirectories(work.resolve("djl-cache"));
        Launcher.Run run = Launcher.run(home, Map.of("DJL_CACHE_DIR", cache.toString()), work, COMMAND, "invoke",
                "--model", "tiny-sd-torchscript", "--from_file", "-");
        String line = startupFailure(run);
        assertTrue(line.startsWith("** model 'tiny-sd-torchscript' on engine 'djl': engine djl cannot start DJL's"
                + " PyTorch engine ("), line);
        assertContains(line, "Offline mode is enabled");
        assertContains(line, "plugins/djl/lib must hold pytorch-native-cpu-2.7.1-linux-x86_64.jar");
        try (Stream<Path> cached = Files.walk(cache)) {
            assertFalse(cached.anyMatch(f -> f.getFileName().toString().startsWith("libtorch")),
                    "no libtorch was fetched");
        }
        // the same installation still runs ONNX models through DJL: only the PyTorch engine lacks its natives
        Launcher.Run onnx = Launcher.run(home, Map.of("DJL_CACHE_DIR", cache.toString()), work, COMMAND, "invoke",
                "--model", "tiny-sd", "--engine", "djl", "--from_file", "-", "-o", "onnx-through-djl");
        assertEquals(0, onnx.exitCode(), onnx::all);
    }

    /**
     * The distribution as links, with the djl plugin's jars whose names start with {@code prefix} left out (an
     * installation that lost a native jar).
     */
    private Path installationWithout(String prefix) throws IOException {
        Path dist = Launcher.dist().toAbsolutePath();
        Path home = Files.createDirectories(work.resolve("installation"));
        for (String folder : List.of("bin", "lib", "configs", "models")) {
            Files.createSymbolicLink(home.resolve(folder), dist.resolve(folder));
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        try (Stream<Path> installed = Files.list(dist.resolve("plugins"))) {
            for (Path plugin : installed.toList()) {
                if (!plugin.getFileName().toString().equals("djl")) {
                    Files.createSymbolicLink(plugins.resolve(plugin.getFileName()), plugin);
                }
            }
        }
        Path djl = Files.createDirectories(plugins.resolve("djl/lib"));
        Files.createSymbolicLink(djl.resolveSibling("plugin.properties"), dist.resolve("plugins/djl/plugin.properties"));
        try (Stream<Path> jars = Files.list(dist.resolve("plugins/djl/lib"))) {
            for (Path jar : jars.toList()) {
                if (!jar.getFileName().toString().startsWith(prefix)) {
                    Files.createSymbolicLink(djl.resolve(jar.getFileName()), jar);
                }
            }
        }
        return home;
    }
}
