package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/third-party-upscaler}, a stand-alone project that depends only on the api artifact, built with
 * Maven, dropped as a jar into the {@code plugins/} folder of a copy of the distribution, and picked by name in
 * its {@code configs/models.yaml} for {@code -U}.
 */
class ThirdPartyUpscalerIT {
    @TempDir
    Path work;

    private static Path repository() {
        return Path.of(System.getProperty("invoke4j.root")).toAbsolutePath();
    }

    private static void maven(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("maven.home");
        command.add(home != null ? Path.of(home, "bin", "mvn").toString() : "mvn");
        command.addAll(List.of("-B", "-q", "-ntp"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile("maven", ".log");
        Process maven = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "maven timed out");
        assertEquals(0, maven.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void anUpscalerJarDroppedIntoPluginsIsPickedByItsNameInModelsYaml() throws Exception {
        // publish the api (to the local repository), then build the example against it alone
        maven(repository(), "install", "-DskipTests", "-pl", "api", "-am");
        Path example = work.resolve("example");
        copyTree(repository().resolve("examples/third-party-upscaler"), example);
        maven(example, "package");
        Path jar = example.resolve("target/sharp-upscaler-1.0.0.jar");
        assertTrue(Files.exists(jar), "the example's jar");

        Path dist = work.resolve("invoke4j");
        copyTree(Launcher.dist(), dist);
        Files.copy(jar, dist.resolve("plugins").resolve(jar.getFileName()));
        // the model's upscaler becomes an entry run by the new plugin, with its option
        Path config = dist.resolve("configs/models.yaml");
        String yaml = Files.readString(config);
        assertTrue(yaml.contains("  upscaler: realesrgan\n"), "the bundled model names realesrgan");
        Files.writeString(config, yaml.replace("  upscaler: realesrgan\n", "  upscaler: sharp\n") + """

                sharp:
                  format: upscaler
                  type: nearest-sharp
                  amount: 0.8
                """);

        Path invoke = dist.resolve("bin/invoke");
        Launcher.Run run = Launcher.run(work, "\"a tiny fox\" -s 2 -W 64 -H 64 -S 3 -U 2\n", invoke.toString(), "-o",
                "out");
        assertEquals(0, run.exitCode(), run::all);
        assertTrue(run.stdout().contains(">> nearest-sharp Upscaling seed:3, scale:2x"), run.stdout());
        assertTrue(run.stdout().contains("000001.3.png: \"a tiny fox\" -s 2 -S 3 -W 64 -H 64 -C 7.5 -A k_lms"
                + " -U 2.0 0.75\n"), run.stdout());
        assertEquals(128, ImageIO.read(work.resolve("out/000001.3.png").toFile()).getWidth());
    }
}
