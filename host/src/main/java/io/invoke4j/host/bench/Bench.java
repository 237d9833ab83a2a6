package io.invoke4j.host.bench;

import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --bench} figures on the loaded model: time from JVM start to the {@code invoke>} prompt being
 * ready; per 512x512 image at 20 steps with k_lms the wall time, the time inside the inference engine's
 * {@code run}, the host's share of the wall time; the UNet's time per step on the engine that runs it (one
 * batch-of-2 call per k_lms step), so runs with {@code --engine onnx} and {@code --engine djl} compare line by line;
 * one line per sampler with its UNet calls and wall time per image (so the cost of second-order samplers shows);
 * and the peak resident memory.
 */
public final class Bench {
    private static final int IMAGES = 3;
    private static final int STEPS = 20;
    private static final String UNET = "unet";

    private Bench() {
    }

    /**
     * @param invoker the ready host
     * @param timings the counters every model session reports to
     * @param engine  the inference engine the model runs on, for the figures' labels
     */
    public static void run(Invoker invoker, SessionTimings timings, String engine, PrintStream out) {
        long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.printf("bench: start to invoke> ready: %.0f ms%n", (double) readyMs);
        out.printf("bench: peak RSS after start: %.1f MiB%n", peakRssMiB());
        Path outdir = tempOutdir();
        long unetCalls = 0;
        long unetNanos = 0;
        long unetBest = Long.MAX_VALUE;
        for (int i = 1; i <= IMAGES; i++) {
            timings.reset();
            long wall = timeOneImage(invoker, "k_lms", outdir);
            long engineNanos = timings.runNanos();
            out.printf("bench: image %d (512x512, %d steps, k_lms): wall %.0f ms, engine run %.0f ms, host overhead %.2f%%%n",
                    i, STEPS, wall / 1e6, engineNanos / 1e6, 100.0 * (wall - engineNanos) / wall);
            if (i > 1) {
                // the first image pays for the engine's first-call setup, which is not a step's cost
                unetCalls += timings.calls(UNET);
                unetNanos += timings.runNanos(UNET);
                unetBest = Math.min(unetBest, timings.bestRunNanos(UNET));
            }
        }
        out.printf("bench: engine %s: UNet per step (k_lms, batch 2, 64x64 latent, images 2-%d): mean %.1f ms,"
                + " best %.1f ms over %d steps%n", engine, IMAGES, unetNanos / 1e6 / Math.max(1, unetCalls),
                unetBest / 1e6, unetCalls);
        for (String sampler : invoker.samplerNames()) {
            if (sampler.endsWith("_karras")) {
                continue; // the same work as the plain sampler; only the noise levels differ
            }
            timings.reset();
            long wall = timeOneImage(invoker, sampler, outdir);
            out.printf("bench: sampler %-12s UNet calls per image %3d, wall per image %6.0f ms%n",
                    sampler, timings.calls(UNET), wall / 1e6);
        }
        out.printf("bench: peak RSS: %.1f MiB%n", peakRssMiB());
    }

    private static long timeOneImage(Invoker invoker, String sampler, Path outdir) {
        GenerationRequest request = GenerationRequest.builder()
                .prompt("a red fox in the snow").steps(STEPS).width(512).height(512).cfgScale(7.5).sampler(sampler)
                .seed(416354203L).iterations(1).outdir(outdir.toString()).build();
        long start = System.nanoTime();
        invoker.generate(request, GenerationListener.NONE);
        return System.nanoTime() - start;
    }

    private static Path tempOutdir() {
        try {
            return Files.createTempDirectory("invoke4j-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
