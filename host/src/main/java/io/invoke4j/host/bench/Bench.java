package io.invoke4j.host.bench;

import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code --bench} figures: time from JVM start to the {@code invoke>} prompt being ready, then per image
 * (512x512, 20 steps, k_lms) the wall time, the time spent inside the inference engine's {@code run}, the
 * host's share of the wall time, and the peak resident memory.
 */
public final class Bench {
    private static final int IMAGES = 3;

    private Bench() {
    }

    /**
     * @param invoker  the ready host
     * @param runNanos the counter every model session adds its {@code run} time to
     */
    public static void run(Invoker invoker, AtomicLong runNanos, PrintStream out) {
        long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.printf("bench: start to invoke> ready   %8.0f ms%n", (double) readyMs);
        out.printf("bench: peak RSS after start     %8.1f MiB%n", peakRssMiB());
        GenerationRequest request = GenerationRequest.builder()
                .prompt("a red fox in the snow").steps(20).width(512).height(512).cfgScale(7.5).sampler("k_lms")
                .seed(416354203L).iterations(1).outdir(tempOutdir().toString()).build();
        for (int i = 0; i < IMAGES; i++) {
            runNanos.set(0);
            long start = System.nanoTime();
            invoker.generate(request, GenerationListener.NONE);
            long wall = System.nanoTime() - start;
            long ort = runNanos.get();
            out.printf("bench: image %d (512x512, 20 steps, k_lms): wall %8.0f ms, engine run %8.0f ms, "
                    + "host overhead %5.2f%%%n", i + 1, wall / 1e6, ort / 1e6, 100.0 * (wall - ort) / wall);
        }
        out.printf("bench: peak RSS                 %8.1f MiB%n", peakRssMiB());
    }

    private static Path tempOutdir() {
        try {
            return Files.createTempDirectory("invoke4j-bench");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** VmHWM of /proc/self/status (Linux); -1 elsewhere. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
