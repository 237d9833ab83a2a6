package io.invoke4j.plugin.repl;

import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows a generation on the console: InvokeAI's {@code >>} messages, and a progress line for the denoising
 * steps redrawn in place. Cancellation is a flag that Ctrl-C sets.
 */
final class ConsoleProgress implements GenerationListener {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final PrintStream progress;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private long imageStart;
    private int image;
    private int images;

    /**
     * @param out      where messages go
     * @param progress where the progress line goes (standard error, so piped output stays clean)
     */
    ConsoleProgress(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

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
        int filled = BAR_WIDTH * step / steps;
        double seconds = (System.nanoTime() - imageStart) / 1e9;
        progress.printf("\r%s %3d%%|%s%s| %d/%d [%.1fs, %.2fit/s]", images > 1 ? "image " + image + "/" + images : "Generating",
                100 * step / steps, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), step, steps, seconds,
                seconds > 0 ? step / seconds : 0.0);
        if (step == steps) {
            progress.println();
        }
        progress.flush();
    }

    @Override
    public void imageSaved(GeneratedImage generated) {
        // listed in the Outputs block when the command ends
    }

    @Override
    public boolean cancelRequested() {
        if (cancel.get()) {
            progress.println();
            return true;
        }
        return false;
    }
}
