package io.invoke4j.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a launcher of the built distribution ({@code target/invoke4j/bin/...}) as a real process. */
final class Launcher {
    private Launcher() {
    }

    /** What a finished process left. */
    record Run(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    static Path dist() {
        Path dist = Path.of(System.getProperty("invoke4j.dist", "target/invoke4j"));
        if (!Files.isExecutable(dist.resolve("bin/invoke"))) {
            throw new IllegalStateException("no built distribution at " + dist + " (run mvn package)");
        }
        return dist;
    }

    /** Runs {@code bin/<name> args} in {@code workDir}, feeding {@code stdin} and closing it. */
    static Run run(Path workDir, String stdin, String name, String... args) throws IOException, InterruptedException {
        return run(dist(), Map.of(), workDir, stdin, name, args);
    }

    /**
     * Runs {@code bin/<name> args} of the installation at {@code home} (the distribution, or a test's variant of
     * it) in {@code workDir} with {@code environment} added, feeding {@code stdin} and closing it.
     */
    static Run run(Path home, Map<String, String> environment, Path workDir, String stdin, String name,
                   String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(name).toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        StreamCollector out = new StreamCollector(process.getInputStream());
        StreamCollector err = new StreamCollector(process.getErrorStream());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/" + name + " did not finish; output so far:\n" + out.text() + err.text());
        }
        return new Run(process.exitValue(), out.text(), err.text());
    }

    /** Drains a process stream on its own thread so the process never blocks on a full pipe. */
    private static final class StreamCollector {
        private final Thread thread;
        private final StringBuilder text = new StringBuilder();

        StreamCollector(InputStream stream) {
            thread = new Thread(() -> {
                try {
                    text.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.append("[stream error: ").append(e.getMessage()).append(']');
                }
            });
            thread.start();
        }

        String text() throws InterruptedException {
            thread.join(TimeUnit.MINUTES.toMillis(1));
            return text.toString();
        }
    }
}
