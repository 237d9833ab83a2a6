package io.invoke4j.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The start-up switches of {@code bin/invoke}, as InvokeAI 2.x names them. */
@Command(name = "invoke", mixinStandardHelpOptions = false, sortOptions = false,
        description = "The InvokeAI 2.x invoke> command line, in Java: generate images with Stable Diffusion.")
public final class StartupOptions {

    @Option(names = {"-o", "--outdir"}, paramLabel = "OUTDIR",
            description = "Folder for images, logs and the command history (default: ${DEFAULT-VALUE}).")
    String outdir = "outputs/img-samples";

    @Option(names = {"-c", "--config", "--conf"}, paramLabel = "CONFIG",
            description = "The model catalogue (default: configs/models.yaml of the installation).")
    String config;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The models.yaml entry to load (default: the entry marked default: true).")
    String model;

    @Option(names = {"-A", "-m", "--sampler"}, paramLabel = "SAMPLER",
            description = "Default sampler for every command (default: the model's, else k_lms).")
    String sampler;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N",
            description = "Default number of images per command (default: ${DEFAULT-VALUE}).")
    int iterations = 1;

    @Option(names = "--from_file", paramLabel = "PATH",
            description = "Read commands from PATH, or from standard input with '-', instead of the prompt.")
    String fromFile;

    @Option(names = "--bench", description = "Run the benchmark (512x512, 20 steps, k_lms) and print figures.")
    boolean bench;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Start-up default of {@code -s}. */
    int steps = 50;

    /** Start-up default of {@code -C}. */
    double cfgScale = 7.5;

    /** Karras sigmas below this many steps (InvokeAI 2.2.5's {@code --karras_max}, 30). */
    int karrasMax = 30;

    /** PNG zlib level (InvokeAI's {@code -z}). */
    int pngCompression = 6;

    /**
     * {@code --gfpgan_model_path}: GFPGAN's model file, in place of the one models.yaml names (relative to
     * {@link #gfpganDir} when that is set), or {@code null}.
     */
    String gfpganModelPath;

    /** {@code --gfpgan_dir}: the folder {@link #gfpganModelPath} is relative to, or {@code null}. */
    String gfpganDir;
}
