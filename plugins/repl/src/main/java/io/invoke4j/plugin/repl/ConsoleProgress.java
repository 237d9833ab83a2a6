package io.invoke4j.plugin.repl;

import io.invoke4j.api.GenerationListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows a generation on the console: InvokeAI's {@code >>} messages, and the denoising progress: on a terminal
 * a bar redrawn in place (step n/N, it/s, ETA); on a pipe or a dumb terminal a plain line every few steps, with
 * no escape codes. Cancellation is a flag that Ctrl-C sets; the job stops after the current step.
 */
final class ConsoleProgress implements GenerationListener {
    private static final int BAR_WIDTH = 30;
    private static final int PLAIN_LINES_PER_IMAGE = 4;

    private final PrintStream out;
    private final PrintStream progress;
    private final boolean redraw;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private long imageStart;
    private int image;
    private int images;
    private boolean cancelReported;

    /**
     * @param out      where messages go
     * @param progress where the progress goes (standard error, so piped output stays clean)
     * @param redraw   whether {@code progress} is a terminal that can redraw a line in place
     */
    ConsoleProgress(PrintStream out, PrintStream progress, boolean redraw) {
        this.out = out;
        this.progress = progress;
        this.redraw = redraw;
    }

    /** Asks the running job to stop after its current step (Ctrl-C). */
    void requestCancel() {
        cancel.set(true);
    }

    @Override
    public void message(String line) {
        out.println(line);
    }

    @Override
    public void imageStarted(int index, int count, long seed, int steps) {
        image = index + 1;
        images = count;
        imageStart = System.nanoTime();
    }

    @Override
    public void stepDone(int step, int steps) {
        double seconds = (System.nanoTime() - imageStart) / 1e9;
        double rate = seconds > 0 ? step / seconds : 0;
        double eta = rate > 0 ? (steps - step) / rate : 0;
        String label = images > 1 ? "image " + image + "/" + images : "Generating";
        if (redraw) {
            int filled = BAR_WIDTH * step / steps;
            progress.printf("\r%s %3d%%|%s%s| %d/%d [%.1fs<%.1fs, %.2fit/s]", label, 100 * step / steps,
                    "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), step, steps, seconds, eta, rate);
            if (step == steps) {
                progress.println();
            }
        } else if (step == steps || step % Math.max(1, steps / PLAIN_LINES_PER_IMAGE) == 0) {
            progress.printf("%s: step %d/%d, %.2f it/s, ETA %.1fs%n", label, step, steps, rate, eta);
        }
        progress.flush();
    }

    @Override
    public boolean cancelRequested() {
        if (cancel.get() && !cancelReported) {
            cancelReported = true;
            if (redraw) {
                progress.println();
            }
        }
        return cancel.get();
    }
}
