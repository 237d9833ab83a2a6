package io.invoke4j.host.bench;

import io.invoke4j.api.GenerationListener;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.postprocess.Postprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code --bench} figures of post-processing, on a 512x512 image: the model's upscaler at x4 in tiles (its
 * models.yaml {@code tile:}, 400 by default) and in one call, and one face restoration (the face tool's model
 * with its detector, on an image where the bundled random-weight detector finds one face). Each line gives the
 * wall time, the time inside the engine, the peak resident memory of that step and how much it rose over the
 * step's start (Linux resets the peak through {@code /proc/self/clear_refs}; the memory the process holds from
 * earlier work is in both), and the Java heap's peak in the step.
 */
public final class PostprocessBench {
    private static final int SIDE = 512;

    private PostprocessBench() {
    }

    public static void run(Postprocessor postprocessor, ModelEntry model, SessionTimings timings, PrintStream out) {
        String upscaler = model.upscaler() != null ? model.upscaler() : Postprocessor.DEFAULT_UPSCALER;
        String faces = model.faceRestorer() != null ? model.faceRestorer() : Postprocessor.DEFAULT_FACE_RESTORER;
        BufferedImage image = gentle(SIDE, SIDE);
        Postprocessor oneCall = postprocessor.withSetting(upscaler, "tile", "0");
        // open the models first: a session opens once, on the first image of the session
        postprocessor.upscale(gentle(64, 64), 4, 1.0, model, 0, "-U", GenerationListener.NONE);
        postprocessor.restoreFaces(gentle(64, 64), faces, 1.0, null, model, 0, GenerationListener.NONE);

        step(out, timings, "upscale x4 of 512x512 with " + upscaler + " in tiles",
                () -> postprocessor.upscale(image, 4, 1.0, model, 0, "-U", listener(out)));
        step(out, timings, "upscale x4 of 512x512 with " + upscaler + " in one call",
                () -> oneCall.upscale(image, 4, 1.0, model, 0, "-U", listener(out)));
        step(out, timings, "face restore of 512x512 (one face) with " + faces,
                () -> postprocessor.restoreFaces(image, faces, 1.0, null, model, 0, listener(out)));
    }

    private static void step(PrintStream out, SessionTimings timings, String what, Supplier<BufferedImage> work) {
        resetPeaks();
        double before = rssMiB("VmRSS:");
        timings.reset();
        long start = System.nanoTime();
        BufferedImage result = work.get();
        long wall = System.nanoTime() - start;
        if (result == null) {
            out.printf("bench: %s: did not run (see above)%n", what);
            return;
        }
        double peak = rssMiB("VmHWM:");
        out.printf("bench: %s -> %dx%d: wall %.0f ms, engine run %.0f ms, peak RSS %.1f MiB (+%.1f MiB over the"
                        + " step's start), peak heap %.1f MiB%n", what, result.getWidth(), result.getHeight(),
                wall / 1e6, timings.runNanos() / 1e6, peak, peak - before, peakHeapMiB());
    }

    /** Shows why a tool did not run; the progress lines are left out. */
    private static GenerationListener listener(PrintStream out) {
        return new GenerationListener() {
            @Override
            public void message(String line) {
                if (line.startsWith("**")) {
                    out.println(line);
                }
            }
        };
    }

    private static void resetPeaks() {
        try {
            // "5" resets the peak resident set size (VmHWM), Linux 4.0 and later
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // the peak stays the one since start
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** A line of /proc/self/status in MiB (Linux); -1 elsewhere. */
    private static double rssMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double peakHeapMiB() {
        long bytes = 0;
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        for (MemoryPoolMXBean pool : heap) {
            bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** Low-contrast gradients: smooth, like the fixtures' notes measure them, and one face for the detector. */
    static BufferedImage gentle(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 30 * Math.sin(x / 50.0));
                int g = (int) (128 + 30 * Math.cos(y / 60.0));
                int b = (int) (128 + 20 * Math.sin((x + y) / 70.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
