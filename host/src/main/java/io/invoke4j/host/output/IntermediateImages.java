package io.invoke4j.host.output;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Latents;
import io.invoke4j.host.generate.SamplingProgress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * {@code --save_intermediates N} (output-and-metadata.md section 1.6): a step callback that decodes the latents a
 * sampling step starts from and writes them as {@code <outdir>/intermediates/<prefix>/{step:04}.png} when
 * {@code step % N == 0} or {@code step == steps - 1}, where steps is the command's {@code -s}, as InvokeAI's
 * {@code make_step_callback} does. Every image of the command writes into the same folder, so a later image's
 * steps replace an earlier one's, as in InvokeAI. The PNGs carry no metadata.
 *
 * <p>InvokeAI's k-diffusion callback hands over the x a step starts from; invoke4j's samplers report the x after
 * each step, so the step's start is kept from the previous report ({@link #samplingStarts} for the first step).
 * That copy is made once per image; decoding costs a VAE call per saved step.
 */
public final class IntermediateImages implements SamplingProgress {
    private final Path folder;
    private final int every;
    private final int commandSteps;
    private final Function<Latents, BufferedImage> decoder;
    private final SamplingProgress next;
    private Latents stepStart;

    private IntermediateImages(Path folder, int every, int commandSteps, Function<Latents, BufferedImage> decoder,
                               SamplingProgress next) {
        this.folder = folder;
        this.every = every;
        this.commandSteps = commandSteps;
        this.decoder = decoder;
        this.next = next;
    }

    /**
     * The folder of a command's intermediates, created now.
     *
     * @throws CommandException (one line) when it cannot be created
     */
    public static Path folder(Path outdir, String prefix) {
        Path folder = outdir.resolve("intermediates").resolve(prefix);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CommandException("cannot create " + folder + ": " + e.getMessage());
        }
        return folder;
    }

    /**
     * @param folder       from {@link #folder}
     * @param every        N, at least 1
     * @param commandSteps the command's {@code -s}
     * @param decoder      latents to the image the VAE makes of them
     * @param next         told of every step afterwards (progress display, cancelling)
     */
    public static IntermediateImages into(Path folder, int every, int commandSteps,
                                          Function<Latents, BufferedImage> decoder, SamplingProgress next) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        return new IntermediateImages(folder, every, commandSteps, decoder, next);
    }

    @Override
    public void samplingStarts(Latents x) {
        stepStart = x.copy();
        next.samplingStarts(x);
    }

    @Override
    public void stepDone(int step, int steps, Latents x, Latents denoised) {
        if (stepStart != null && (step % every == 0 || step == commandSteps - 1)) {
            write(step, decoder.apply(stepStart));
        }
        if (stepStart != null) {
            stepStart.set(x);
        }
        next.stepDone(step, steps, x, denoised);
    }

    private void write(int step, BufferedImage image) {
        Path file = folder.resolve(String.format("%04d.png", step));
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
