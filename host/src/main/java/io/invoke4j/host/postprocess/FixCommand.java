package io.invoke4j.host.postprocess;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.host.command.CanonicalCommand;
import io.invoke4j.host.command.PythonFloat;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.output.FixMetadata;
import io.invoke4j.host.output.ImageRecord;
import io.invoke4j.host.output.ImageWriter;
import io.invoke4j.host.output.InvokeLog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code !fix FILE switches} as InvokeAI 2.2.5's {@code do_postprocess} and {@code apply_postprocessor} run it: a
 * bare FILE is looked for in the output folder; the seed is {@code -S} (a new one for a negative {@code -S}), else
 * the file's recorded one (embiggen: a new one), else a new one; the tool is the face restorer when {@code -G} is
 * above 0 (then {@code -U} too), else embiggen when {@code --embiggen} is given, else the upscaler when {@code -U}
 * is, else outpaint when {@code -D} is, else outcrop ({@code -c}). The result is a new file, never the source:
 * {@code {prefix}.{seed}.{tool}.png} with the source's prefix (embiggen: a new prefix and its own seed), numbered
 * on when taken. The prompt is {@code --new_prompt} where given (2.1.3+), else the file's; embiggen re-diffuses
 * with it, at {@code --embiggen_strength} (2.2.0+) or 0.4, and redoes only the {@code --embiggen_tiles} when given.
 *
 * <p>Outpaint and outcrop prepare a canvas ({@link OutpaintCanvas}, {@link OutcropCanvas}) whose transparent
 * pixels an inpainting generation repaints with the prompt, {@code -s}, {@code -C} and {@code -A} (DDIM unless a
 * timestep sampler is asked for): outpaint with the seed and strength 0.83, outcrop with {@code -f} (0.75) and a
 * new random seed, which, as in InvokeAI, is not recorded: the file and its command carry the source's seed, so
 * running the command again gives another outcrop.
 *
 * <p>What it records: the {@code Dream} chunk holds the {@code !fix} command (with the resolved path, as 2.2.x
 * writes it), the {@code sd-metadata} is the source's with {@code {"tool", "dream_command"}} appended to its
 * {@code postprocessing} (fresh metadata when the source has none), and A1111's {@code parameters} is the
 * source's. InvokeAI 2.0 dropped the {@code Dream} chunk on the way; it is kept here so that {@code !fetch} and
 * {@code images2prompt} show how the file was made.
 */
public final class FixCommand {
    /** InvokeAI's img2img strength for embiggen's tiles without {@code --embiggen_strength}. */
    static final double EMBIGGEN_STRENGTH = 0.4;
    /** InvokeAI's img2img strength for outpaint, whatever {@code -f} says. */
    static final double OUTPAINT_STRENGTH = 0.83;
    /** Outcrop's strength when {@code -f} is not given. */
    static final double OUTCROP_STRENGTH = 0.75;

    /** Makes the tile renderer of embiggen for the source's prompt. */
    @FunctionalInterface
    public interface TileRenderers {
        /**
         * @param prompt   the source's prompt, or {@code --new_prompt}
         * @param r        the {@code !fix} request (steps, cfg scale)
         * @param strength the img2img strength of each tile
         */
        Embiggen.TileRenderer forPrompt(String prompt, GenerationRequest r, double strength,
                                        GenerationListener listener);
    }

    /** Runs the inpainting generation of outpaint and outcrop. */
    @FunctionalInterface
    public interface Inpainter {
        /**
         * @param canvas   the init image, ARGB; its transparent pixels are repainted
         * @param shownAs  the file the canvas was made from, for the messages
         * @param prompt   the source's prompt, or {@code --new_prompt}
         * @param r        the {@code !fix} request (steps, cfg scale, sampler, {@code -W/-H}, {@code --fit})
         * @param seed     the generation's seed
         * @param strength the img2img strength
         * @return the generated image, the kept pixels pasted back
         */
        BufferedImage inpaint(BufferedImage canvas, Path shownAs, String prompt, GenerationRequest r, long seed,
                              double strength, GenerationListener listener);
    }

    private final Postprocessor postprocessor;
    private final Function<String, GenerationRequest> dreamParser;
    private final LongSupplier newSeed;

    /**
     * @param dreamParser reads a source's {@code Dream} command
     * @param newSeed     InvokeAI's {@code random.randrange} seed, for a source without one and for embiggen
     */
    public FixCommand(Postprocessor postprocessor, Function<String, GenerationRequest> dreamParser,
                      LongSupplier newSeed) {
        this.postprocessor = postprocessor;
        this.dreamParser = dreamParser;
        this.newSeed = newSeed;
    }

    /**
     * Runs one {@code !fix}.
     *
     * @param r         the request with its defaults filled in; its prompt is the file
     * @param modelHash the hash of the model in use, for fresh metadata
     * @return the one file written, or nothing when no tool could run (each said why)
     * @throws CommandException when the file cannot be read, or embiggen's sizes do not work
     */
    public List<GeneratedImage> run(GenerationRequest r, ModelEntry model, String modelHash, TileRenderers renderers,
                                    Inpainter inpainter, GenerationListener listener) {
        Path dir = Path.of(r.outdir());
        Path source = locate(r.prompt(), dir);
        if (!Files.isRegularFile(source)) {
            throw new CommandException(source + ": file could not be read");
        }
        listener.message(">> fixing " + source);
        SourceImage src = SourceImage.read(source, dreamParser, listener::message);
        boolean embiggen = Postprocessor.faceStrength(r) == 0 && r.embiggen() != null;
        // InvokeAI's order of tools: faces (with -U), embiggen, -U, then the canvas tools
        boolean canvas = Postprocessor.faceStrength(r) == 0 && r.embiggen() == null && r.upscale() == null;
        boolean outpaint = canvas && r.outDirection() != null;
        boolean outcrop = canvas && !outpaint && r.outcrop() != null;
        long seed;
        if (r.seed() != null) {
            // v2.2.x: for !fix a negative -S asks for a new seed
            seed = r.seed() >= 0 ? r.seed() : newSeed.getAsLong();
        } else if (!embiggen && src.seed() != null && src.seed() >= 0) {
            seed = src.seed();
        } else {
            seed = newSeed.getAsLong();
        }
        String prompt = r.newPrompt() != null ? r.newPrompt() : src.prompt() != null ? src.prompt() : "";
        listener.message(">> using seed " + seed + " and prompt \"" + prompt + "\" for " + source);

        GenerationRequest recorded = r.toBuilder().prompt(source.toString())
                .upscale(Postprocessor.withUpscaleStrength(r.upscale())).build();
        BufferedImage result;
        String tool;
        String fileName;
        if (embiggen) {
            double tileStrength = r.embiggenStrength() != null ? r.embiggenStrength() : EMBIGGEN_STRENGTH;
            listener.message(">> Setting img2img strength to " + PythonFloat.format(tileStrength)
                    + " for happy embiggening");
            EmbiggenSettings settings = EmbiggenSettings.of(r.embiggen(), listener::message);
            recorded = recorded.toBuilder().embiggen(settings.values()).build();
            Embiggen embiggener = new Embiggen(settings, r.embiggenTiles(), r.width() - r.width() % 64,
                    r.height() - r.height() % 64, listener::message, listener::cancelRequested);
            result = embiggener.run(src.image(), tileStrength, seed,
                    (image, scale, strength) -> postprocessor.upscale(image, scale, strength, model, seed,
                            "--embiggen", listener),
                    renderers.forPrompt(prompt, r, tileStrength, listener));
            tool = "embiggen";
            fileName = PostprocessNames.next(dir, ImageWriter.uniquePrefix(dir), seed, tool);
        } else if (outpaint) {
            BufferedImage prepared = OutpaintCanvas.of(src.image(), r.outDirection());
            result = inpainter.inpaint(prepared, source, prompt, r, seed, OUTPAINT_STRENGTH, listener);
            tool = "outpaint";
            fileName = PostprocessNames.next(dir, PostprocessNames.prefixOf(source), seed, tool);
        } else if (outcrop) {
            BufferedImage prepared = OutcropCanvas.of(src.image(), r.outcrop(), listener::message);
            double strength = r.strength() != null ? r.strength() : OUTCROP_STRENGTH;
            result = inpainter.inpaint(prepared, source, prompt, r, newSeed.getAsLong(), strength, listener);
            tool = "outcrop";
            fileName = PostprocessNames.next(dir, PostprocessNames.prefixOf(source), seed, tool);
        } else {
            Postprocessor.Outcome outcome = postprocessor.apply(src.image(), r, model, seed, listener);
            if (!outcome.changed()) {
                return List.of();
            }
            result = outcome.image();
            tool = outcome.tools().get(0);
            fileName = PostprocessNames.next(dir, PostprocessNames.prefixOf(source), seed, tool);
        }
        String command = CanonicalCommand.format(recorded, seed);
        // -z packs the new file; --fnformat does not name it (InvokeAI's choose_postprocess_name does)
        ImageWriter writer = new ImageWriter(r.pngCompression() != null ? r.pngCompression()
                : ImageWriter.DEFAULT_PNG_COMPRESSION);
        Path path = writer.write(dir, fileName, result, chunks(src, recorded, seed, command, tool, model, modelHash));
        GeneratedImage image = new GeneratedImage(path, seed, command);
        listener.imageSaved(image);
        InvokeLog.append(dir, List.of(image));
        return List.of(image);
    }

    /** InvokeAI's rule: a file name without a folder is in the output folder. */
    static Path locate(String file, Path outdir) {
        Path typed = Path.of(file);
        return typed.getParent() == null ? outdir.resolve(typed) : typed;
    }

    private static Map<String, String> chunks(SourceImage src, GenerationRequest recorded, long seed, String command,
                                              String tool, ModelEntry model, String modelHash) {
        String appended = src.sdMetadata() == null ? null
                : FixMetadata.appendTo(src.sdMetadata(), tool, command).orElse(null);
        if (appended == null) {
            // v2.2.x: fresh metadata from the !fix command, its prompt being the file
            ImageRecord fresh = new ImageRecord(recorded.prompt(), seed, recorded.steps(), recorded.cfgScale(),
                    recorded.width(), recorded.height(), recorded.sampler(), model.name(), modelHash, command);
            Map<String, String> chunks = ImageWriter.chunks(fresh);
            chunks.put("sd-metadata", FixMetadata.fresh(fresh, tool));
            return chunks;
        }
        Map<String, String> chunks = new LinkedHashMap<>();
        chunks.put("Dream", command);
        chunks.put("sd-metadata", appended);
        if (src.parameters() != null) {
            chunks.put("parameters", src.parameters());
        }
        return chunks;
    }
}
