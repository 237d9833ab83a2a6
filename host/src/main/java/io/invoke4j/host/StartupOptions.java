package io.invoke4j.host;

import io.invoke4j.host.command.PythonFormat;
import io.invoke4j.host.output.FileNames;
import io.invoke4j.host.output.ImageWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The start-up switches of {@code bin/invoke}: every switch of InvokeAI 2.x's reference manual, with its names
 * and defaults. What a switch means for this build (deprecations, switches without meaning for ONNX models) is
 * {@link StartupNotices}' job.
 *
 * <p>Unlike InvokeAI 2.2.5, {@code -z} takes 9 here as on a line (its start-up {@code choices=range(0, 9)} stopped
 * at 8), and an {@code --fnformat} pattern is read at start-up, so one that cannot work stops the program in one
 * line instead of failing when the first image is saved.
 */
@Command(name = "invoke", mixinStandardHelpOptions = false, sortOptions = false,
        versionProvider = StartupOptions.Version.class,
        description = "The InvokeAI 2.x invoke> command line, in Java: generate images with Stable Diffusion.")
public final class StartupOptions {

    @Option(names = {"-o", "--outdir"}, paramLabel = "OUTDIR",
            description = "Folder for images, logs and the command history (default: ${DEFAULT-VALUE}).")
    String outdir = "outputs/img-samples";

    @Option(names = {"-p", "--prompt_as_dir"},
            description = "Write each command's images to a sub-folder named after its prompt.")
    boolean promptAsDir;

    @Option(names = "--from_file", paramLabel = "PATH",
            description = "Read commands from PATH, or from standard input with '-', instead of the prompt.")
    String fromFile;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The models.yaml entry to load (default: the entry marked default: true).")
    String model;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Run models on this inference engine (onnx, djl) instead of the one models.yaml names.")
    String engine;

    @Option(names = {"-F", "--full_precision"},
            description = "Deprecated: the same as --precision float32.")
    boolean fullPrecision;

    @Option(names = "--web", description = "Start the web front end instead of the invoke> prompt.")
    boolean web;

    @Option(names = "--host", paramLabel = "IP",
            description = "Address the web front end listens on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port the web front end listens on (default: ${DEFAULT-VALUE}).")
    int port = 9090;

    @Option(names = {"-c", "--config", "--conf"}, paramLabel = "CONFIG",
            description = "The model catalogue (default: configs/models.yaml of the installation).")
    String config;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N",
            description = "Default number of images per command (default: ${DEFAULT-VALUE}).")
    int iterations = 1;

    @Option(names = {"-g", "--grid"}, description = "Save every series as one grid image (-i on a command opts out).")
    boolean grid;

    // spelled out rather than picocli's negatable --[no-]grid, so that --help shows the manual's --grid as it is
    @Option(names = "--no-grid", description = "Undo an earlier --grid (InvokeAI 2.1.3's pair).")
    void noGrid(boolean given) {
        grid = false;
    }

    @Option(names = {"-s", "--steps"}, paramLabel = "STEPS",
            description = "Default number of sampling steps (default: ${DEFAULT-VALUE}).")
    int steps = 50;

    @Option(names = {"-W", "--width"}, paramLabel = "WIDTH",
            description = "Default image width (default: the model's, from models.yaml).")
    Integer width;

    @Option(names = {"-H", "--height"}, paramLabel = "HEIGHT",
            description = "Default image height (default: the model's, from models.yaml).")
    Integer height;

    @Option(names = {"-C", "--cfg_scale"}, paramLabel = "CFG_SCALE",
            description = "Default classifier-free guidance scale, above 1.0 (default: ${DEFAULT-VALUE}).")
    double cfgScale = 7.5;

    @Option(names = {"-f", "--strength"}, paramLabel = "STRENGTH",
            description = "Default img2img strength, between 0.0 and 1.0 (default: 0.75).")
    Double strength;

    @Option(names = {"-T", "--fit"}, description = "Fit every init image into -W x -H unless a command says otherwise.")
    boolean fit;

    @Option(names = "--no-fit", description = "Undo an earlier --fit.")
    void noFit(boolean given) {
        fit = false;
    }

    @Option(names = "--karras_max", paramLabel = "STEPS",
            description = "k-samplers use Karras sigmas below this many steps, the model's schedule from it on; "
                    + "0: never Karras (default: ${DEFAULT-VALUE}).")
    int karrasMax = 30;

    @Option(names = "--max_loaded_models", paramLabel = "N",
            description = "How many models stay open for a quick !switch, the active one included "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxLoadedModels = 2;

    @Option(names = {"-A", "-m", "--sampler"}, paramLabel = "SAMPLER",
            description = "Default sampler for every command (default: the model's, else k_lms).")
    String sampler;

    @Option(names = "--seamless", description = "Make every image tile seamlessly.")
    boolean seamless;

    @Option(names = "--fnformat", paramLabel = "FORMAT", converter = FileNameFormat.class,
            description = "Default file-name pattern, Python str.format over the command's options "
                    + "(-h at invoke> lists them), e.g. {prefix}.{seed:010d}.{steps}.png (default: ${DEFAULT-VALUE}).")
    String fnformat = FileNames.DEFAULT_FORMAT;

    @Option(names = {"-z", "--png_compression"}, paramLabel = "LEVEL", converter = PngCompression.class,
            description = "Default PNG compression, 0 (none) to 9 (smallest) (default: ${DEFAULT-VALUE}).")
    int pngCompression = ImageWriter.DEFAULT_PNG_COMPRESSION;

    @Option(names = "--embedding_path", paramLabel = "PATH",
            description = "Textual-inversion embedding file (not supported by ONNX text encoders: says so).")
    String embeddingPath;

    @Option(names = "--gfpgan_dir", paramLabel = "DIR",
            description = "Folder that --gfpgan_model_path is relative to (default: the installation).")
    String gfpganDir;

    @Option(names = "--gfpgan_model_path", paramLabel = "PATH",
            description = "GFPGAN face-restoration model, instead of the one models.yaml names.")
    String gfpganModelPath;

    @Option(names = {"-d", "--device"}, paramLabel = "DEVICE",
            description = "cpu, cuda or cuda:N (default: ${DEFAULT-VALUE}, the best one present).")
    String device = "auto";

    @Option(names = "--free_gpu_mem", description = "Free GPU memory after sampling (low-VRAM GPUs).")
    boolean freeGpuMem;

    @Option(names = "--precision", paramLabel = "PRECISION",
            description = "auto, float32, float16 or autocast: picks the model's float32 or float16 variant "
                    + "(default: ${DEFAULT-VALUE}: float16 on CUDA, float32 on the CPU).")
    String precision = "auto";

    @Option(names = "--weights", paramLabel = "PATH",
            description = "Deprecated: a model folder to load; use --model with a models.yaml entry.")
    String weights;

    @Option(names = {"-l", "--laion400m"}, description = "Deprecated: the same as --model laion400m.")
    boolean laion400m;

    @Option(names = "--bench", description = "Run the benchmark (512x512, 20 steps, k_lms) and print figures.")
    boolean bench;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;

    /** {@code --version}: this build's version, and the InvokeAI release whose command line it follows. */
    static final class Version implements CommandLine.IVersionProvider {
        /** The InvokeAI release whose numbers and formats invoke4j follows. */
        static final String FOLLOWS = "InvokeAI 2.2.5";

        @Override
        public String[] getVersion() {
            String version = StartupOptions.class.getPackage().getImplementationVersion();
            // run from target/classes (the IDE, development mode) there is no jar manifest to read it from
            return new String[] {"invoke4j " + (version == null ? "(development build)" : version)
                    + ", the " + FOLLOWS + " command line"};
        }
    }

    /**
     * The checks a command line makes of the same values, made of the start-up defaults too, so that a bad default
     * stops the program in one line instead of failing every command.
     *
     * @throws CommandLine.ParameterException naming the switch and its bounds
     */
    void check(CommandLine cli) {
        require(cli, steps >= 1, "-s/--steps must be at least 1");
        require(cli, width == null || width >= 64, "-W/--width must be at least 64");
        require(cli, height == null || height >= 64, "-H/--height must be at least 64");
        require(cli, cfgScale > 1.0, "CFG_Scale (-C) must be >1.0");
        require(cli, strength == null || (0.0 < strength && strength < 1.0),
                "img2img and inpaint strength can only work with 0.0 < strength < 1.0");
        require(cli, karrasMax >= 0, "--karras_max must be at least 0");
    }

    private static void require(CommandLine cli, boolean holds, String message) {
        if (!holds) {
            throw new CommandLine.ParameterException(cli, message);
        }
    }

    /** {@code -z}: 0 to 9 (InvokeAI 2.2.5's start-up switch took only 0 to 8, a {@code range(0, 9)} slip). */
    static final class PngCompression implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int level;
            try {
                level = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number from 0 to 9");
            }
            if (level < 0 || level > ImageWriter.MAX_PNG_COMPRESSION) {
                throw new CommandLine.TypeConversionException("must be between 0 and 9, not " + level);
            }
            return level;
        }
    }

    /** {@code --fnformat}: a pattern {@link PythonFormat} reads (an unknown key is noticed when a file is named). */
    static final class FileNameFormat implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                PythonFormat.parse(text);
                return text;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "': " + e.getMessage());
            }
        }
    }

    /** Face-restoration model path from {@code --gfpgan_model_path}, relative to {@code --gfpgan_dir}; or null. */
    public String gfpganModelPath() {
        if (gfpganModelPath == null) {
            return null;
        }
        return gfpganDir == null ? gfpganModelPath : java.nio.file.Path.of(gfpganDir).resolve(gfpganModelPath).toString();
    }
}
