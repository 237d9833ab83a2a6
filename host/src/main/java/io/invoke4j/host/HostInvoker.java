package io.invoke4j.host;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.Sampler;
import io.invoke4j.host.command.CanonicalCommand;
import io.invoke4j.host.command.CommandParser;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.LatentDecoder;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.ImageNoise;
import io.invoke4j.host.noise.NoisePlan;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.output.GridImage;
import io.invoke4j.host.prompt.Conditioning;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.output.ImageRecord;
import io.invoke4j.host.output.ImageWriter;
import io.invoke4j.host.output.InvokeLog;
import io.invoke4j.host.plugins.ExtensionRegistry;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The host's {@link Invoker}: fills a request's absent switches from the start-up switches and the model,
 * follows InvokeAI's seed chain and variations, encodes the prompt once, runs the pipeline per image and
 * writes each PNG (or one grid) and the log.
 */
final class HostInvoker implements Invoker {
    private final StartupOptions options;
    private final Path outputDirectory;
    private final ModelEntry model;
    private final String modelHash;
    private final Txt2ImgPipeline pipeline;
    private final ExtensionRegistry<Sampler> samplers;
    private final CommandParser parser;
    private final ImageWriter writer;
    private final SeedChain seeds;
    private final PromptConditioning prompts;
    private final TokenizationLog tokenizationLog;

    HostInvoker(StartupOptions options, Path outputDirectory, ModelEntry model, String modelHash,
                Txt2ImgPipeline pipeline, ExtensionRegistry<Sampler> samplers, SeedChain seeds,
                PromptConditioning prompts, TokenizationLog tokenizationLog) {
        this.options = options;
        this.outputDirectory = outputDirectory;
        this.model = model;
        this.modelHash = modelHash;
        this.pipeline = pipeline;
        this.samplers = samplers;
        this.parser = new CommandParser(samplers.names());
        this.writer = new ImageWriter(options.pngCompression);
        this.seeds = seeds;
        this.prompts = prompts;
        this.tokenizationLog = tokenizationLog;
    }

    @Override
    public GenerationRequest parse(String line) {
        return parser.parse(line);
    }

    /** The request with every absent switch filled in, as it will run and be recorded. */
    GenerationRequest resolve(GenerationRequest request) {
        String sampler = firstNonNull(request.sampler(), options.sampler, model.sampler(), "k_lms");
        if (samplers.find(sampler).isEmpty()) {
            throw new CommandException("unknown sampler '" + sampler + "' (known: " + String.join(", ", samplers.names()) + ")");
        }
        return request.toBuilder()
                .steps(firstNonNull(request.steps(), options.steps))
                .cfgScale(firstNonNull(request.cfgScale(), options.cfgScale))
                .width(firstNonNull(request.width(), model.width()))
                .height(firstNonNull(request.height(), model.height()))
                .sampler(sampler)
                .iterations(firstNonNull(request.iterations(), options.iterations))
                .outdir(firstNonNull(request.outdir(), outputDirectory.toString()))
                .build();
    }

    @Override
    public List<GeneratedImage> generate(GenerationRequest request, GenerationListener listener) {
        refuseWhatIsNotBuiltYet(request);
        GenerationRequest r = resolve(request);
        int width = r.width() - r.width() % 64;
        int height = r.height() - r.height() % 64;
        if (width < 64 || height < 64) {
            throw new CommandException("-W/-H must be at least 64 (got " + r.width() + "x" + r.height() + ")");
        }
        if (width != r.width() || height != r.height()) {
            listener.message(">> Provided width and height must be multiples of 64. Auto-resizing to "
                    + width + "x" + height);
        }
        Sampler sampler = samplers.get(r.sampler());
        NoisePlan plan = NoisePlan.start(r.seed(), r.withVariations(), r.variationAmount(), r.iterations(),
                4 * (height / 8) * (width / 8), seeds);
        Conditioning conditioning = prompts.condition(r.prompt(), Boolean.TRUE.equals(r.skipNormalize()), listener::message);
        if (Boolean.TRUE.equals(r.logTokenization())) {
            listener.message(tokenizationLog.format(conditioning.encoded()));
        }
        boolean grid = Boolean.TRUE.equals(r.grid()) && !Boolean.TRUE.equals(r.individual());
        Path dir = Path.of(r.outdir());
        String prefix = ImageWriter.uniquePrefix(dir);
        List<GeneratedImage> images = new ArrayList<>();
        List<BufferedImage> cells = new ArrayList<>();
        List<ImageNoise> cellNoise = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < plan.iterations(); i++) {
                ImageNoise noise = plan.nextImage();
                listener.imageStarted(i, plan.iterations(), noise.seed(), r.steps());
                listener.message(">> Sampling with " + r.sampler() + " starting at step 0 of " + r.steps()
                        + " (" + r.steps() + " new sampling steps)");
                Txt2ImgPipeline.Txt2ImgParams params = new Txt2ImgPipeline.Txt2ImgParams(conditioning.cond(),
                        conditioning.uncond(), noise.noise(), noise.generator(), r.steps(), r.cfgScale().floatValue(),
                        width, height, options.karrasMax);
                Txt2ImgPipeline.Result result = pipeline.generate(params, sampler, (step, steps, x, denoised) -> {
                    listener.stepDone(step + 1, steps);
                    if (listener.cancelRequested()) {
                        throw new CancellationException();
                    }
                });
                plan.imageDone();
                BufferedImage image = LatentDecoder.toImage(result.decoded());
                if (grid) {
                    cells.add(image);
                    cellNoise.add(noise);
                    continue;
                }
                String command = CanonicalCommand.format(recorded(r, noise), noise.commandSeed());
                ImageRecord record = record(r, noise, command, List.of());
                Path path = writer.write(dir, prefix + "." + noise.seed() + ".png", image, record);
                GeneratedImage generated = new GeneratedImage(path, noise.seed(), command);
                images.add(generated);
                listener.imageSaved(generated);
            }
        } catch (CancellationException e) {
            listener.message("**Interrupted** Partial results will be returned.");
        } finally {
            if (!cells.isEmpty()) {
                images.add(writeGrid(r, dir, prefix, cells, cellNoise, listener));
            }
            if (!images.isEmpty()) {
                InvokeLog.append(dir, images);
            }
        }
        listener.message(">> Usage stats:");
        listener.message(String.format(">>   %d image(s) generated in %.2fs", grid ? cells.size() : images.size(),
                (System.nanoTime() - started) / 1e9));
        return images;
    }

    /** Switches the parser knows but this version cannot run yet: one clear line, never a silent plain image. */
    private static void refuseWhatIsNotBuiltYet(GenerationRequest r) {
        if (Boolean.TRUE.equals(r.seamless())) {
            throw new CommandException("--seamless is not available in this version of invoke4j yet");
        }
        if (Boolean.TRUE.equals(r.hiresFix())) {
            throw new CommandException("--hires_fix is not available in this version of invoke4j yet");
        }
        if (r.initImage() != null || r.initMask() != null) {
            throw new CommandException("-I/--init_img and -M/--init_mask are not available in this version of invoke4j yet");
        }
    }

    /** The request as this image ran: its {@code -V} list includes the image's own variation. */
    private static GenerationRequest recorded(GenerationRequest r, ImageNoise noise) {
        return r.toBuilder().withVariations(noise.variations()).build();
    }

    private ImageRecord record(GenerationRequest r, ImageNoise noise, String command, List<Long> gridSeeds) {
        return new ImageRecord(r.prompt(), noise.commandSeed(), r.steps(), r.cfgScale(), r.width(), r.height(),
                r.sampler(), options.model, modelHash, command, noise.variations(), gridSeeds);
    }

    /**
     * One sheet for the series, named after its first seed; its command ends with the Python list of every
     * cell's seed after {@code  # }, as InvokeAI records it.
     */
    private GeneratedImage writeGrid(GenerationRequest r, Path dir, String prefix, List<BufferedImage> cells,
                                     List<ImageNoise> noise, GenerationListener listener) {
        List<Long> seedsOfCells = noise.stream().map(ImageNoise::seed).toList();
        String seedList = "[" + String.join(", ", seedsOfCells.stream().map(String::valueOf).toList()) + "]";
        ImageNoise first = noise.get(0);
        String command = CanonicalCommand.format(recorded(r, first), first.commandSeed()) + " # " + seedList;
        Path path = writer.write(dir, prefix + "." + first.seed() + ".png", GridImage.of(cells),
                record(r, first, command, seedsOfCells));
        listener.message("seeds for individual rows: " + seedList);
        GeneratedImage generated = new GeneratedImage(path, first.seed(), command);
        listener.imageSaved(generated);
        return generated;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public List<String> samplerNames() {
        return samplers.names();
    }

    @Override
    public String helpText() {
        return parser.helpText();
    }

    @Override
    public Path outputDirectory() {
        return outputDirectory;
    }

    @Override
    public Optional<String> commandFile() {
        return Optional.ofNullable(options.fromFile);
    }
}
