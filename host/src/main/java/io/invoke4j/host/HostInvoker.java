package io.invoke4j.host;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.host.generate.DiscreteSchedule;
import io.invoke4j.host.command.CanonicalCommand;
import io.invoke4j.host.command.CommandParser;
import io.invoke4j.host.command.PythonFloat;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.model.CatalogEditor;
import io.invoke4j.host.model.LoadedModel;
import io.invoke4j.host.model.ModelCache;
import io.invoke4j.host.model.Pipelines;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.api.ModelSummary;
import io.invoke4j.host.generate.LatentDecoder;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.ImageNoise;
import io.invoke4j.host.noise.LatentNoise;
import io.invoke4j.host.noise.NoisePlan;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.noise.TorchGenerator;
import io.invoke4j.host.output.FileNames;
import io.invoke4j.host.output.GridImage;
import io.invoke4j.host.prompt.Conditioning;
import io.invoke4j.host.output.ImageRecord;
import io.invoke4j.host.output.ImageWriter;
import io.invoke4j.host.output.IntermediateImages;
import io.invoke4j.host.output.InvokeLog;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.api.Latents;
import io.invoke4j.host.generate.FileHash;
import io.invoke4j.host.generate.Img2ImgPipeline;
import io.invoke4j.host.generate.Img2ImgSchedule;
import io.invoke4j.host.generate.HiresFix;
import io.invoke4j.host.generate.ColorCorrection;
import io.invoke4j.host.generate.InitImage;
import io.invoke4j.host.generate.InpaintingSampler;
import io.invoke4j.host.generate.MaskPasteBack;
import io.invoke4j.host.generate.SamplingProgress;
import io.invoke4j.host.output.PngText;
import io.invoke4j.host.output.PromptDirectory;
import io.invoke4j.host.output.StoredCommand;
import io.invoke4j.host.plugins.PluginLoadException;
import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.Upscaler;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.postprocess.Embiggen;
import io.invoke4j.host.postprocess.EmbiggenSettings;
import io.invoke4j.host.postprocess.FixCommand;
import io.invoke4j.host.postprocess.PostprocessModels;
import io.invoke4j.host.postprocess.PostprocessNames;
import io.invoke4j.host.postprocess.Postprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.nio.file.Files;
import java.util.function.Function;
import java.util.function.Consumer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The host's {@link Invoker}: fills a request's absent switches from the start-up switches and the model,
 * follows InvokeAI's seed chain and variations, encodes the prompt once, runs the pipeline per image and
 * post-processes it ({@code -G}, {@code -U}: {@link Postprocessor}), writes each PNG (or one grid) and the log;
 * a {@code !fix} request goes to {@link FixCommand} instead.
 */
final class HostInvoker implements Invoker {
    /** img2img's {@code -f} when not given. */
    static final double DEFAULT_STRENGTH = 0.75;

    private final StartupOptions options;
    private final Path outputDirectory;
    private final ModelCache models;
    private final ExtensionRegistry<Sampler> samplers;
    private final CommandParser parser;
    private final SeedChain seeds;
    private final Postprocessor postprocessor;
    private final FixCommand fix;
    private final CatalogEditor catalogEditor;
    private boolean warnedLargerInit;

    /** A host without post-processing plugins: {@code -G} and {@code -U} name no tool. */
    HostInvoker(StartupOptions options, Path outputDirectory, ModelCache models, ExtensionRegistry<Sampler> samplers,
                SeedChain seeds) {
        this(options, outputDirectory, models, samplers, seeds, new Postprocessor(
                ExtensionRegistry.<Upscaler>of("upscaler", List.of(), Upscaler::name),
                ExtensionRegistry.<FaceRestorer>of("face restorer", List.of(), FaceRestorer::name),
                PostprocessCatalog.of(List.of()),
                new PostprocessModels(ExtensionRegistry.of("inference engine", List.of(), e -> ""),
                        SessionWrapper.NONE)));
    }

    HostInvoker(StartupOptions options, Path outputDirectory, ModelCache models, ExtensionRegistry<Sampler> samplers,
                SeedChain seeds, Postprocessor postprocessor) {
        this.options = options;
        this.outputDirectory = outputDirectory;
        this.models = models;
        this.samplers = samplers;
        this.parser = new CommandParser(samplers.names());
        this.seeds = seeds;
        this.postprocessor = postprocessor;
        this.fix = new FixCommand(postprocessor, parser::parse, seeds::next);
        this.catalogEditor = new CatalogEditor(models);
    }

    @Override
    public GenerationRequest parse(String line) {
        return parser.parse(line);
    }

    /** The request with every absent switch filled in, as it will run and be recorded. */
    GenerationRequest resolve(GenerationRequest request) {
        return resolve(request, models.active().entry());
    }

    private GenerationRequest resolve(GenerationRequest request, ModelEntry model) {
        String sampler = firstNonNull(request.sampler(), options.sampler, model.sampler(), "k_lms");
        try {
            samplers.get(sampler);
        } catch (PluginLoadException e) {
            throw new CommandException(e.getMessage());
        }
        return request.toBuilder()
                .steps(firstNonNull(request.steps(), options.steps))
                .cfgScale(firstNonNull(request.cfgScale(), options.cfgScale))
                .width(firstNonNull(request.width(), options.width, model.width()))
                .height(firstNonNull(request.height(), options.height, model.height()))
                .sampler(sampler)
                .iterations(firstNonNull(request.iterations(), options.iterations))
                .outdir(firstNonNull(request.outdir(), outputDirectory.toString()))
                .fnformat(firstNonNull(request.fnformat(), options.fnformat))
                .pngCompression(firstNonNull(request.pngCompression(), options.pngCompression))
                .strength(request.initImage() != null ? firstNonNull(request.strength(), options.strength, DEFAULT_STRENGTH)
                        : request.strength())
                .fit(firstNonNull(request.fit(), options.fit))
                // what InvokeAI records once it has run: -G's tool, -U's strength
                .facetool(Postprocessor.faceStrength(request) > 0 ? Postprocessor.faceTool(request, model)
                        : request.facetool())
                .upscale(Postprocessor.withUpscaleStrength(request.upscale()))
                // start-up --grid and --seamless turn the flag on for every command (-i still opts out of a grid)
                .grid(options.grid ? Boolean.TRUE : request.grid())
                .seamless(options.seamless ? Boolean.TRUE : request.seamless())
                .build();
    }

    @Override
    public List<GeneratedImage> generate(GenerationRequest request, GenerationListener listener) {
        refuseImpossibleCombinations(request);
        LoadedModel m = models.active();
        GenerationRequest r = resolve(request, m.entry());
        postprocessor.check(r, m.entry());
        if (Boolean.TRUE.equals(r.fix())) {
            return fix.run(r, m.entry(), m.hash(), (prompt, fixed, strength, l) -> embiggenTiles(m.pipelines(),
                    m.prompts().condition(prompt, false, l::message), fixed, strength, l),
                    (canvas, shownAs, prompt, fixed, seed, strength, l) -> inpaint(m, canvas, shownAs, prompt, fixed,
                            seed, strength, l), listener);
        }
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
        // --seamless runs on the variant of the networks whose convolutions pad circularly (on --seamless_axes)
        Pipelines run = Boolean.TRUE.equals(r.seamless())
                ? m.seamless().apply(r.seamlessAxes() != null ? r.seamlessAxes() : "x,y") : m.pipelines();
        Path dir = Path.of(r.outdir());
        if (options.promptAsDir) {
            dir = promptDirectory(r.prompt(), dir, listener);
        }
        Init init = null;
        Embiggened embiggen = null;
        if (r.initImage() != null && embiggens(r)) {
            r = r.toBuilder().initImage(findInOutdir(r.initImage(), dir)).build();
            // --embiggen_tiles alone keeps the size; InvokeAI then records no --embiggen either
            EmbiggenSettings settings = EmbiggenSettings.of(r.embiggen() != null ? r.embiggen() : List.of(1.0),
                    listener::message);
            r = r.toBuilder().embiggen(r.embiggen() != null ? settings.values() : null).build();
            embiggen = new Embiggened(settings, readImage(Path.of(r.initImage())), FileHash.sha256(Path.of(r.initImage())));
        } else if (r.initImage() != null) {
            r = r.toBuilder().initImage(findInOutdir(r.initImage(), dir))
                    .initMask(r.initMask() != null ? findInOutdir(r.initMask(), dir) : null).build();
            init = loadInit(r, m.entry(), run.initEncoder(), listener);
            width = init.image().width();
            height = init.image().height();
            if (!init.image().isInpainting() && r.inpaintReplace() != null && r.inpaintReplace() != 0.0) {
                throw new CommandException("-r/--inpaint_replace acts on the area a mask repaints, and there is no"
                        + " mask: give -M, or an init image with transparent areas");
            }
            if (init.image().isInpainting()) {
                sampler = InpaintingSampler.choose(sampler, samplers::find, listener::message);
                listener.message(">> target t_enc is " + Img2ImgSchedule.tEnc(r.strength(), r.steps()) + " steps");
            }
        }
        ColorCorrection colors = null;
        if (r.initColor() != null) {
            r = r.toBuilder().initColor(findInOutdir(r.initColor(), dir)).build();
            colors = ColorCorrection.load(Path.of(r.initColor()));
        }
        boolean hires = Boolean.TRUE.equals(r.hiresFix());
        int[] firstPass = hires ? HiresFix.firstPassSize(width, height) : new int[] {width, height};
        Sampler ddim = hires ? samplers.find(InpaintingSampler.DDIM).orElseThrow(
                () -> new CommandException("--hires_fix needs the ddim sampler, and no plugin provides it")) : null;
        // the noise (and any variation of it) is drawn at the first pass's size; only InvokeAI's txt2img
        // generator blends Perlin noise into it
        double perlin = init == null && embiggen == null && !hires && r.perlin() != null ? r.perlin() : 0;
        NoisePlan plan = NoisePlan.start(r.seed(), r.withVariations(), r.variationAmount(), r.iterations(),
                new LatentNoise(4, firstPass[1] / 8, firstPass[0] / 8, perlin), seeds);
        Conditioning conditioning = m.prompts().condition(r.prompt(), Boolean.TRUE.equals(r.skipNormalize()), listener::message);
        if (Boolean.TRUE.equals(r.logTokenization())) {
            listener.message(m.tokenizationLog().format(conditioning.encoded()));
        }
        Job job = new Job(r, run, conditioning, sampler, ddim, init, width, height, hires ? firstPass : null, embiggen,
                colors);
        boolean grid = Boolean.TRUE.equals(r.grid()) && !Boolean.TRUE.equals(r.individual());
        String prefix = ImageWriter.uniquePrefix(dir);
        // a grid is named by its own rule; only single images go through --fnformat
        Destination to = new Destination(dir, prefix, new ImageWriter(r.pngCompression()),
                grid ? null : FileNames.forCommand(r, prefix, listener::message));
        Path intermediates = null;
        if (r.saveIntermediates() != null && r.saveIntermediates() > 0) {
            intermediates = IntermediateImages.folder(dir, prefix);
            listener.message(">> Intermediate images will be written into " + intermediates);
        }
        List<GeneratedImage> images = new ArrayList<>();
        List<BufferedImage> cells = new ArrayList<>();
        List<ImageNoise> cellNoise = new ArrayList<>();
        long started = System.nanoTime();
        int made = 0;
        try {
            for (int i = 0; i < plan.iterations(); i++) {
                ImageNoise noise = plan.nextImage();
                int newSteps = init != null ? Img2ImgSchedule.tEnc(r.strength(), r.steps()) : r.steps();
                listener.imageStarted(i, plan.iterations(), noise.seed(), newSteps);
                // InvokeAI's img2img picks the schedule once per command, txt2img once per image
                if (embiggen == null && sampler.scheduleKind() == ScheduleKind.SIGMAS && (init == null || i == 0)) {
                    listener.message(DiscreteSchedule.choice(r.steps(), karrasMax(r)));
                }
                if (init != null && init.image().isInpainting() && r.inpaintReplace() != null
                        && r.inpaintReplace() > 0.0) {
                    listener.message(">> inpaint will replace what was under the mask with a strength of "
                            + PythonFloat.format(r.inpaintReplace()));
                }
                listener.message(">> Sampling with " + sampler.name() + " starting at step " + (r.steps() - newSteps)
                        + " of " + r.steps() + " (" + newSteps + " new sampling steps)");
                SamplingProgress progress = (step, steps, x, denoised) -> {
                    listener.stepDone(step + 1, steps);
                    if (listener.cancelRequested()) {
                        throw new CancellationException();
                    }
                };
                if (intermediates != null) {
                    progress = IntermediateImages.into(intermediates, r.saveIntermediates(), r.steps(),
                            run.txt2img()::decodeImage, progress);
                }
                BufferedImage image = render(job, noise, progress, listener);
                plan.imageDone();
                made++;
                if (grid) {
                    // the processed images replace the raw ones in the grid, as in InvokeAI
                    cells.add(Postprocessor.requested(r)
                            ? postprocessor.apply(image, r, m.entry(), noise.seed(), listener).image() : image);
                    cellNoise.add(noise);
                    continue;
                }
                String command = CanonicalCommand.format(recorded(r, noise), noise.commandSeed());
                ImageRecord record = record(m, r, noise, command, List.of(), img2img(r, init, embiggen));
                writeImage(to, noise, image, command, record, r, m, images, listener);
            }
        } catch (CancellationException e) {
            listener.message("**Interrupted** Partial results will be returned.");
        } finally {
            if (!cells.isEmpty()) {
                images.add(writeGrid(m, r, to, cells, cellNoise, listener));
            }
            if (!images.isEmpty()) {
                InvokeLog.append(dir, images);
            }
        }
        listener.message(">> Usage stats:");
        // an image counts once, however many files --save_original makes of it
        listener.message(String.format(">>   %d image(s) generated in %.2fs", made,
                (System.nanoTime() - started) / 1e9));
        return images;
    }

    /**
     * Where one command's files go: its folder, its counter, its {@code -z} writer and, unless it makes a grid,
     * its {@code --fnformat} names.
     */
    private record Destination(Path dir, String prefix, ImageWriter writer, FileNames names) {
    }

    /**
     * Writes one generated image as InvokeAI 2.2.5's {@code image_writer} does: without {@code -G}/{@code -U}
     * under its {@code --fnformat} name ({@code {prefix}.{seed}.png}); with them, the processed image under that
     * name, or, with {@code --save_original}, the raw image there and the processed one as
     * {@code {prefix}.{seed}.postprocessed.png}. When no tool could run, the raw image alone is written.
     */
    private void writeImage(Destination to, ImageNoise noise, BufferedImage image, String command,
                            ImageRecord record, GenerationRequest r, LoadedModel m, List<GeneratedImage> images,
                            GenerationListener listener) {
        Path dir = to.dir();
        ImageWriter writer = to.writer();
        String name = to.names().name(noise.seed());
        boolean saveOriginal = Boolean.TRUE.equals(r.saveOriginal());
        if (!Postprocessor.requested(r) || saveOriginal) {
            add(images, writer.write(dir, name, image, record), noise, command, listener);
            if (!Postprocessor.requested(r)) {
                return;
            }
        }
        Postprocessor.Outcome outcome;
        try {
            outcome = postprocessor.apply(image, r, m.entry(), noise.seed(), listener);
        } catch (CancellationException e) {
            if (!saveOriginal) {
                // the image was made: keep it, as a cancelled series keeps the images it has
                add(images, writer.write(dir, name, image, record), noise, command, listener);
            }
            throw e;
        }
        if (!outcome.changed()) {
            if (!saveOriginal) {
                add(images, writer.write(dir, name, image, record), noise, command, listener);
            }
            return;
        }
        String processedName = saveOriginal ? PostprocessNames.next(dir, to.prefix(), noise.seed(), "postprocessed")
                : name;
        // InvokeAI records -ft with its default even when -G did not run
        ImageRecord processed = record.postprocessed(new ImageRecord.Postprocessed(Postprocessor.faceTool(r, m.entry()),
                Postprocessor.faceStrength(r), r.upscale(), outcome.tools()));
        add(images, writer.write(dir, processedName, outcome.image(), processed), noise, command, listener);
    }

    private static void add(List<GeneratedImage> images, Path path, ImageNoise noise, String command,
                            GenerationListener listener) {
        GeneratedImage generated = new GeneratedImage(path, noise.seed(), command);
        images.add(generated);
        listener.imageSaved(generated);
    }

    /** {@code --prompt_as_dir}: the command's images go to a sub-folder named after its prompt. */
    private static Path promptDirectory(String prompt, Path outdir, GenerationListener listener) {
        Path absolute = outdir.toAbsolutePath();
        String name = PromptDirectory.of(prompt, absolute.toString().length());
        Path dir = name.isEmpty() ? absolute : absolute.resolve(name);
        listener.message("Writing files to directory: \"" + dir + "\"");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandException("cannot create " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    /** Switch combinations that cannot run: one clear line, never a silent plain image. */
    private static void refuseImpossibleCombinations(GenerationRequest r) {
        if (Boolean.TRUE.equals(r.hiresFix()) && r.initImage() != null) {
            throw new CommandException("--hires_fix makes its own init image: it does not combine with -I/--init_img");
        }
        if (embiggens(r) && r.initMask() != null && !Boolean.TRUE.equals(r.fix())) {
            throw new CommandException("--embiggen re-diffuses the whole init image: it does not combine with"
                    + " -M/--init_mask");
        }
    }

    /** Whether a generation is embiggen's: {@code --embiggen}, or {@code --embiggen_tiles} alone at scale 1. */
    private static boolean embiggens(GenerationRequest r) {
        return r.embiggen() != null || r.embiggenTiles() != null;
    }

    /** The Karras threshold of this command: its {@code --karras_max}, else the start-up one. */
    private int karrasMax(GenerationRequest r) {
        return r.karrasMax() != null ? r.karrasMax() : options.karrasMax;
    }

    /**
     * What every image of one command shares. {@code firstPass} is the hires fix's first size, else null;
     * {@code embiggen} the {@code -I ... --embiggen} source, else null; {@code colors} the {@code --init_color}
     * reference, else null.
     */
    private record Job(GenerationRequest r, Pipelines run, Conditioning conditioning, Sampler sampler, Sampler ddim,
                       Init init, int width, int height, int[] firstPass, Embiggened embiggen, ColorCorrection colors) {
    }

    /** The init image of {@code -I ... --embiggen}, read as it is (embiggen enlarges it, not the work size). */
    private record Embiggened(EmbiggenSettings settings, BufferedImage image, String sha256) {
    }

    /**
     * Embiggen's tile renderer: img2img with DDIM at {@code strength} on the encoded tile, with the tile's seed,
     * as InvokeAI's embiggen calls its Img2Img generator.
     */
    private Embiggen.TileRenderer embiggenTiles(Pipelines run, Conditioning c, GenerationRequest r, double strength,
                                                GenerationListener listener) {
        Sampler ddim = samplers.find(InpaintingSampler.DDIM).orElseThrow(
                () -> new CommandException("--embiggen needs the ddim sampler, and no plugin provides it"));
        SamplingProgress progress = (step, steps, x, denoised) -> {
            listener.stepDone(step + 1, steps);
            if (listener.cancelRequested()) {
                throw new CancellationException();
            }
        };
        return (tile, seed) -> {
            // each tile is an image of its own to the progress display
            listener.imageStarted(0, 1, seed, Img2ImgSchedule.tEnc(strength, r.steps()));
            Txt2ImgPipeline.Result result = run.img2img().generate(new Img2ImgPipeline.Img2ImgParams(c.cond(),
                    c.uncond(), run.initEncoder().apply(tile), null, new TorchGenerator(seed), r.steps(), strength,
                    r.cfgScale().floatValue(), karrasMax(r), 0.0), ddim, progress);
            return LatentDecoder.toImage(result.decoded());
        };
    }

    /**
     * The inpainting generation of {@code !fix}'s outpaint and outcrop: the canvas is the init image (its
     * transparent pixels are repainted), run as a {@code -I} image with that strength and seed, and its kept pixels
     * pasted back.
     */
    private BufferedImage inpaint(LoadedModel m, BufferedImage canvas, Path shownAs, String prompt, GenerationRequest r,
                                  long seed, double strength, GenerationListener listener) {
        InitImage image = InitImage.of(canvas, shownAs, new InitImage.Sizing(Boolean.TRUE.equals(r.fit()),
                r.width() - r.width() % 64, r.height() - r.height() % 64, m.entry().width(), m.entry().height(),
                !warnedLargerInit), listener::message);
        warnedLargerInit |= image.largerThanDefaults();
        Sampler sampler = InpaintingSampler.choose(samplers.get(r.sampler()), samplers::find, listener::message);
        int tEnc = Img2ImgSchedule.tEnc(strength, r.steps());
        listener.message(">> target t_enc is " + tEnc + " steps");
        Conditioning c = m.prompts().condition(prompt, false, listener::message);
        Pipelines run = m.pipelines();
        listener.imageStarted(0, 1, seed, tEnc);
        SamplingProgress progress = (step, steps, x, denoised) -> {
            listener.stepDone(step + 1, steps);
            if (listener.cancelRequested()) {
                throw new CancellationException();
            }
        };
        Txt2ImgPipeline.Result result = run.img2img().generate(new Img2ImgPipeline.Img2ImgParams(c.cond(), c.uncond(),
                run.initEncoder().apply(image.image()), image.latentMask().orElse(null), new TorchGenerator(seed),
                r.steps(), strength, r.cfgScale().floatValue(), karrasMax(r), 0.0), sampler, progress);
        return MaskPasteBack.apply(image.image(), LatentDecoder.toImage(result.decoded()),
                image.maskAlpha().orElseThrow());
    }

    /** The {@code -I} file of embiggen as it is, RGB (InvokeAI: {@code Image.open(init_img).convert('RGB')}). */
    private static BufferedImage readImage(Path file) {
        if (!Files.exists(file)) {
            throw new CommandException(">> " + file + ": File not found");
        }
        BufferedImage image;
        try {
            image = javax.imageio.ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new CommandException(file + ": not an image InvokeAI can read");
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return rgb;
    }

    /** One image of a command, as generated and, with {@code --init_color}, colour-matched (InvokeAI's order). */
    private BufferedImage render(Job job, ImageNoise noise, SamplingProgress progress, GenerationListener listener) {
        BufferedImage image = generated(job, noise, progress, listener);
        return job.colors() == null ? image : job.colors().apply(image);
    }

    /** {@code -r} where it applies: inpainting only. */
    private static double inpaintReplace(Job job) {
        Double replace = job.r().inpaintReplace();
        return replace != null && job.init().image().isInpainting() ? replace : 0.0;
    }

    /** One image of a command: txt2img, hires fix, embiggen or img2img/inpainting, decoded (and pasted back). */
    private BufferedImage generated(Job job, ImageNoise noise, SamplingProgress progress, GenerationListener listener) {
        GenerationRequest r = job.r();
        Conditioning c = job.conditioning();
        float cfg = r.cfgScale().floatValue();
        Txt2ImgPipeline.Result result;
        if (job.embiggen() != null) {
            Embiggened e = job.embiggen();
            // --embiggen_strength, which InvokeAI honours in !fix only, sets the tiles' strength here too
            double tileStrength = r.embiggenStrength() != null ? r.embiggenStrength() : r.strength();
            return new Embiggen(e.settings(), r.embiggenTiles(), job.width(), job.height(), listener::message,
                    listener::cancelRequested)
                    .run(e.image(), tileStrength, noise.seed(),
                            (image, scale, strength) -> postprocessor.upscale(image, scale, strength,
                                    models.active().entry(), noise.seed(), "--embiggen", listener),
                            embiggenTiles(job.run(), c, r, tileStrength, listener));
        } else if (job.init() != null) {
            // the init image's noise comes from the seed alone, as InvokeAI's img2img draws it
            result = job.run().img2img().generate(new Img2ImgPipeline.Img2ImgParams(c.cond(), c.uncond(),
                    job.init().latents(), job.init().image().latentMask().orElse(null), new TorchGenerator(noise.seed()),
                    r.steps(), r.strength(), cfg, karrasMax(r), inpaintReplace(job)), job.sampler(), progress);
        } else if (job.firstPass() != null) {
            int[] first = job.firstPass();
            Latents small = job.run().txt2img().denoise(new Txt2ImgPipeline.Txt2ImgParams(c.cond(), c.uncond(),
                    noise.noise(), noise.generator(), r.steps(), cfg, first[0], first[1], karrasMax(r)),
                    job.sampler(), progress);
            listener.message(">> Interpolating from " + first[0] + "x" + first[1] + " to " + job.width() + "x"
                    + job.height() + " using DDIM sampling");
            // the second pass draws on from the first pass's generator, as InvokeAI's does
            result = job.run().img2img().generate(new Img2ImgPipeline.Img2ImgParams(c.cond(), c.uncond(),
                    HiresFix.resizeBilinear(small, job.height() / 8, job.width() / 8), null, noise.generator(),
                    r.steps(), firstNonNull(r.strength(), DEFAULT_STRENGTH), cfg, karrasMax(r), 0.0), job.ddim(),
                    progress);
        } else {
            // only InvokeAI's txt2img hands --threshold to its sampler
            result = job.run().txt2img().generate(new Txt2ImgPipeline.Txt2ImgParams(c.cond(), c.uncond(),
                    noise.noise(), noise.generator(), r.steps(), cfg, job.width(), job.height(), karrasMax(r),
                    r.threshold() != null ? r.threshold() : 0), job.sampler(), progress);
        }
        BufferedImage image = LatentDecoder.toImage(result.decoded());
        if (job.init() != null && job.init().image().isInpainting()) {
            image = MaskPasteBack.apply(job.init().image().image(), image, job.init().image().maskAlpha().orElseThrow());
        }
        return image;
    }

    /** The request as this image ran: its {@code -V} list includes the image's own variation. */
    private static GenerationRequest recorded(GenerationRequest r, ImageNoise noise) {
        return r.toBuilder().withVariations(noise.variations()).build();
    }

    private ImageRecord record(LoadedModel m, GenerationRequest r, ImageNoise noise, String command, List<Long> gridSeeds,
                               ImageRecord.Img2Img img2img) {
        return new ImageRecord(r.prompt(), noise.commandSeed(), r.steps(), r.cfgScale(), r.width(), r.height(),
                r.sampler(), m.entry().name(), m.hash(), command, noise.variations(), gridSeeds, img2img)
                .withNoiseShaping(r.threshold() != null ? r.threshold() : 0, r.perlin() != null ? r.perlin() : 0);
    }

    /** What an img2img, inpainting or embiggen image was made from; {@code null} for txt2img. */
    private static ImageRecord.Img2Img img2img(GenerationRequest r, Init init, Embiggened embiggen) {
        if (init != null) {
            return new ImageRecord.Img2Img(r.strength(), init.sha256(), r.initMask(),
                    r.inpaintReplace() != null ? r.inpaintReplace() : 0.0);
        }
        return embiggen == null ? null : new ImageRecord.Img2Img(r.strength(), embiggen.sha256(), null, 0.0);
    }

    /** The init image of a command, loaded and encoded once before its seeds, as InvokeAI does. */
    private record Init(InitImage image, Latents latents, String sha256) {
    }

    private Init loadInit(GenerationRequest r, ModelEntry model, Function<BufferedImage, Latents> initEncoder,
                          GenerationListener listener) {
        InitImage image = InitImage.load(Path.of(r.initImage()), r.initMask() != null ? Path.of(r.initMask()) : null,
                Boolean.TRUE.equals(r.invertMask()),
                new InitImage.Sizing(Boolean.TRUE.equals(r.fit()), r.width(), r.height(), model.width(), model.height(),
                        !warnedLargerInit), listener::message);
        warnedLargerInit |= image.largerThanDefaults();
        return new Init(image, initEncoder.apply(image.image()), FileHash.sha256(Path.of(r.initImage())));
    }

    /** A relative path that does not exist as typed is looked for in the output folder (InvokeAI's rule). */
    private static String findInOutdir(String path, Path outdir) {
        Path typed = Path.of(path);
        if (!typed.isAbsolute() && !Files.exists(typed) && Files.exists(outdir.resolve(typed))) {
            return outdir.resolve(typed).toString();
        }
        return path;
    }

    /**
     * One sheet for the series, named after its first seed; its command ends with the Python list of every
     * cell's seed after {@code  # }, as InvokeAI records it.
     */
    private GeneratedImage writeGrid(LoadedModel m, GenerationRequest r, Destination to, List<BufferedImage> cells,
                                     List<ImageNoise> noise, GenerationListener listener) {
        List<Long> seedsOfCells = noise.stream().map(ImageNoise::seed).toList();
        String seedList = "[" + String.join(", ", seedsOfCells.stream().map(String::valueOf).toList()) + "]";
        ImageNoise first = noise.get(0);
        String command = CanonicalCommand.format(recorded(r, first), first.commandSeed()) + " # " + seedList;
        Path path = to.writer().write(to.dir(), to.prefix() + "." + first.seed() + ".png", GridImage.of(cells),
                record(m, r, first, command, seedsOfCells, null));
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
    public String fetchCommand(String file) {
        Path path = Path.of(findInOutdir(file, outputDirectory));
        if (!Files.exists(path)) {
            throw new CommandException(file + ": file could not be read");
        }
        Map<String, String> chunks;
        try {
            chunks = PngText.read(path);
        } catch (IOException e) {
            throw new CommandException(file + ": file could not be read");
        }
        try {
            return StoredCommand.of(chunks).orElseThrow(() -> new CommandException(file + ": file has no metadata"));
        } catch (IllegalArgumentException e) {
            throw new CommandException(file + ": file could not be processed (" + e.getMessage() + ")");
        }
    }

    @Override
    public List<ModelSummary> models() {
        return models.summaries();
    }

    @Override
    public void switchModel(String name, Consumer<String> messages) {
        models.switchTo(name, messages);
    }

    @Override
    public ModelSettings modelSettings(String name) {
        return catalogEditor.settings(name);
    }

    @Override
    public ModelSettings newModelSettings(Path folder) {
        return catalogEditor.newSettings(folder);
    }

    @Override
    public void saveModel(ModelSettings settings, Consumer<String> messages) {
        catalogEditor.save(settings, messages);
    }

    @Override
    public void deleteModel(String name) {
        catalogEditor.delete(name);
    }

    @Override
    public List<String> samplerNames() {
        return samplers.names();
    }

    @Override
    public List<String> switchNames() {
        return parser.switchNames();
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
