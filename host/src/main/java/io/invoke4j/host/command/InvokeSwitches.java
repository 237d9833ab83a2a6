package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest.Builder;
import java.util.List;
import java.util.Set;

/**
 * The {@code invoke>} switches invoke4j reads so far, declared as InvokeAI declares them (names and their order,
 * help lines of 2.2.5, the help sections of 2.0.1), plus the value checks InvokeAI makes later in
 * {@code prompt2image}. A switch InvokeAI has but this table lacks is refused as {@code unrecognized arguments},
 * never ignored. The order matters beyond the help text: argparse lists the switches an abbreviation could mean
 * in this order, and the values are checked in this order.
 */
final class InvokeSwitches {
    private static final String GENERAL_RENDERING = "General rendering";
    private static final String IMAGE_TO_IMAGE = "Image-to-image and inpainting";
    private static final String VARIATIONS = "Creating and combining variations";
    private static final String POSTPROCESSING = "Post-processing";
    private static final String SPECIAL_EFFECTS = "Special effects";

    /**
     * The names of InvokeAI 2.x's other per-line switches (command-language.md §4, v2.0.1 to v2.2.5, and
     * {@code --prompt}). A name moves from here to a declaration when invoke4j starts reading it.
     */
    static final Set<String> NOT_READ_YET = Set.of(
            "--prompt", "-tm", "--text_mask", "--force_outpaint", "--seam_size", "--seam_blur", "--seam_strength",
            "--seam_steps", "--tile_size");

    private InvokeSwitches() {
    }

    /** @param samplerNames the names {@code -A} accepts, in the order its help and its error list them */
    static SwitchTable table(List<String> samplerNames) {
        Switch<Boolean> help = Switch.of(ValueType.FLAG, (request, present) -> { }, "-h", "--help")
                .help("show this help message and exit");
        return new SwitchTable(help, List.of(
                new SwitchTable.Section(GENERAL_RENDERING, generalRendering(samplerNames)),
                new SwitchTable.Section(IMAGE_TO_IMAGE, imageToImage()),
                new SwitchTable.Section(VARIATIONS, variations()),
                new SwitchTable.Section(POSTPROCESSING, postprocessing()),
                new SwitchTable.Section(SPECIAL_EFFECTS, specialEffects())),
                NOT_READ_YET);
    }

    private static List<Switch<?>> generalRendering(List<String> samplerNames) {
        return List.of(
                Switch.of(ValueType.INT, Builder::steps, "-s", "--steps")
                        .help("Number of steps")
                        .require(steps -> steps >= 1, "-s/--steps must be at least 1"),
                Switch.of(ValueType.LONG, Builder::seed, "-S", "--seed")
                        .help("Image seed; a +ve integer, or use -1 for the previous seed, -2 for the one before"
                                + " that, etc"),
                Switch.of(ValueType.INT, Builder::iterations, "-n", "--iterations")
                        .help("Number of samplings to perform (slower, but will provide seeds for individual"
                                + " images)")
                        .require(iterations -> iterations >= 1, "-n/--iterations must be at least 1"),
                // below 64 the size floors to 0, which no model can run
                Switch.of(ValueType.INT, Builder::width, "-W", "--width")
                        .help("Image width, multiple of 64")
                        .require(width -> width >= 64, "-W/--width must be at least 64"),
                Switch.of(ValueType.INT, Builder::height, "-H", "--height")
                        .help("Image height, multiple of 64")
                        .require(height -> height >= 64, "-H/--height must be at least 64"),
                Switch.of(ValueType.FLOAT, Builder::cfgScale, "-C", "--cfg_scale")
                        .help("Classifier free guidance (CFG) scale - higher numbers cause generator to \"try\""
                                + " harder.")
                        // nan fails the comparison, so it is refused as well
                        .require(cfg -> cfg > 1.0, "CFG_Scale (-C) must be >1.0"),
                // nan fails both comparisons, as InvokeAI's asserts
                Switch.of(ValueType.FLOAT, Builder::threshold, "--threshold")
                        .help("Latent threshold for classifier free guidance (CFG) - prevent generator from"
                                + " \"trying\" too hard. Use positive values, 0 disables.")
                        .require(threshold -> threshold >= 0.0, "--threshold must be >=0.0"),
                Switch.of(ValueType.FLOAT, Builder::perlin, "--perlin")
                        .help("Perlin noise scale (0.0 - 1.0) - add perlin noise to the initialization instead of"
                                + " the usual gaussian noise.")
                        .require(perlin -> 0.0 <= perlin && perlin <= 1.0, "--perlin must be in [0.0, 1.0]"),
                // InvokeAI's per-line default, {prefix}.{seed}.png, hid the start-up --fnformat; absent, it is used
                Switch.of(ValueType.FORMAT_PATTERN, Builder::fnformat, "--fnformat")
                        .help("Overwrite the filename format. You can use any argument as wildcard enclosed in curly"
                                + " braces. Default is the start-up --fnformat, else {prefix}.{seed}.png. Wildcards: "
                                + String.join(", ", FormatFields.NAMES)),
                Switch.of(ValueType.FLAG, Builder::grid, "--grid", "-g")
                        .help("generate a grid"),
                Switch.of(ValueType.FLAG, Builder::individual, "-i", "--individual")
                        .help("override command-line --grid setting and generate individual images"),
                Switch.of(ValueType.FLAG, Builder::skipNormalize, "-x", "--skip_normalize")
                        .help("Skip subprompt weight normalization"),
                Switch.of(ValueType.choice(samplerNames), Builder::sampler, "-A", "-m", "--sampler")
                        .metavar("SAMPLER_NAME")
                        .help("Switch to a different sampler. Supported samplers: "
                                + String.join(", ", samplerNames)),
                Switch.of(ValueType.FLAG, Builder::logTokenization, "-t", "--log_tokenization")
                        .help("shows how the prompt is split into tokens"),
                Switch.of(ValueType.TEXT, Builder::outdir, "--outdir", "-o")
                        .help("Directory to save generated images and a log of prompts and seeds"),
                Switch.of(ValueType.FLAG, Builder::hiresFix, "--hires_fix")
                        .help("Create hires image using img2img to prevent duplicated objects"),
                // InvokeAI divides the step by N; 0 is its default, off
                Switch.of(ValueType.INT, Builder::saveIntermediates, "--save_intermediates")
                        .help("Save every nth intermediate image into an 'intermediates' directory within the output"
                                + " directory")
                        .require(every -> every >= 0, "--save_intermediates must be at least 0"),
                // InvokeAI takes a negative count as 0; it can only be a typing mistake
                Switch.of(ValueType.INT, Builder::karrasMax, "--karras_max")
                        .help("control the point at which the K* samplers will shift from using the Karras noise"
                                + " schedule (good for low step counts) to the LatentDiffusion noise schedule (good"
                                + " for high step counts). Set to 0 to use LatentDiffusion for all step values, and"
                                + " to a high value (e.g. 1000) to use Karras for all step values. [30].")
                        .require(max -> max >= 0, "--karras_max must be at least 0"),
                // as --fnformat: InvokeAI's per-line default 6 hid the start-up -z
                Switch.of(ValueType.intChoice(0, 9), Builder::pngCompression, "--png_compression", "-z")
                        .help("level of PNG compression, from 0 (none) to 9 (maximum). Default: the start-up -z,"
                                + " else 6"));
    }

    /**
     * In 2.0.1's order ({@code -I -M --init_color -T -f -D -c}), then what 2.2.5's section of its own for
     * {@code -M} adds: {@code --invert_mask} (2.1) and {@code -r} (2.0.2). (2.2.5 also moved {@code -D} to its
     * deprecated options.) {@code -D} and {@code -c} are {@code !fix}'s canvas tools; their words are checked here
     * (InvokeAI asserted on them only once the image was read, or failed on them), and what
     * {@code SwitchCombinationChecks} says about using them outside {@code !fix}.
     */
    private static List<Switch<?>> imageToImage() {
        return List.of(
                Switch.of(ValueType.TEXT, Builder::initImage, "-I", "--init_img")
                        .help("Path to input image for img2img mode (supersedes width and height)"),
                Switch.of(ValueType.TEXT, Builder::initMask, "-M", "--init_mask")
                        .help("Path to input mask for inpainting mode (supersedes width and height)"),
                Switch.of(ValueType.TEXT, Builder::initColor, "--init_color")
                        .help("Path to reference image for color correction (used for repeated img2img and"
                                + " inpainting)"),
                // -F is not InvokeAI's, but its manual gives it as --fit's shortcut; last, so that argparse's
                // messages name the switch as InvokeAI's did
                Switch.of(ValueType.FLAG, Builder::fit, "-T", "-fit", "--fit", "-F")
                        .help("If specified, will resize the input image to fit within the dimensions of width x"
                                + " height (512x512 default)"),
                Switch.of(ValueType.FLOAT, Builder::strength, "-f", "--strength")
                        .help("img2img strength for noising/unnoising. 0.0 preserves image exactly, 1.0 replaces"
                                + " it completely")
                        // nan fails the comparison, so it is refused as well
                        .require(strength -> 0.0 < strength && strength < 1.0,
                                "img2img and inpaint strength can only work with 0.0 < strength < 1.0"),
                Switch.of(ValueType.oneOrMore(ValueType.TEXT),
                                (request, words) -> request.outDirection(CanvasWords.normalized(words)),
                                "-D", "--out_direction")
                        .metavars("direction", "pixels")
                        .help("Direction to extend the given image (left|right|top|bottom). If a distance pixel"
                                + " value is not specified it defaults to half the image size")
                        .require(CanvasWords::isOutDirection, "-D/--out_direction takes DIRECTION [PIXELS]: one of"
                                + " top, left, bottom, right, then optionally a whole number of pixels above 0"),
                Switch.of(ValueType.oneOrMore(ValueType.TEXT),
                                (request, words) -> request.outcrop(CanvasWords.normalized(words)),
                                "-c", "--outcrop")
                        .metavars("direction", "pixels")
                        .help("Outcrop the image with one or more direction/pixel pairs: -c top 64 bottom 128 left"
                                + " 64 right 64")
                        .require(CanvasWords::isOutcrop, "-c/--outcrop takes DIRECTION PIXELS pairs: each one of"
                                + " top, left, bottom, right, then a whole number of pixels from 1 to "
                                + CanvasWords.MAX_OUTCROP_PIXELS),
                Switch.of(ValueType.FLAG, Builder::invertMask, "--invert_mask")
                        .help("Invert the mask"),
                Switch.of(ValueType.FLOAT, Builder::inpaintReplace, "-r", "--inpaint_replace")
                        .help("when inpainting, adjust how aggressively to replace the part of the picture under the"
                                + " mask, from 0.0 (a gentle merge) to 1.0 (replace entirely)")
                        // written as "0 <= r <= 1" so that nan is refused too
                        .require(replace -> 0.0 <= replace && replace <= 1.0,
                                "inpaint_replace must be between 0.0 and 1.0"));
    }

    private static List<Switch<?>> variations() {
        return List.of(
                Switch.of(ValueType.FLOAT, Builder::variationAmount, "-v", "--variation_amount")
                        .help("If > 0, generates variations on the initial seed instead of random seeds per"
                                + " iteration. Must be between 0 and 1. Higher values will be more different.")
                        .require(amount -> 0.0 <= amount && amount <= 1.0,
                                "-v --variation_amount must be in [0.0, 1.0]"),
                // argparse takes any text here, as InvokeAI's type=str did; the parts are read once the line is
                // read, so argparse's errors anywhere on the line come first, as in InvokeAI
                Switch.of(ValueType.TEXT, (request, text) -> request.withVariations(VariationText.parse(text)),
                        "-V", "--with_variations")
                        .help("list of variations to apply, in the format `seed:weight,seed:weight,...`"));
    }

    /**
     * InvokeAI 2.2.5's post-processing switches and help lines. Values InvokeAI lets through and then ignores or
     * misuses are refused here, each in one line: {@code -G} and {@code -cf} outside [0, 1], {@code -U} with a
     * scale below 1 (InvokeAI printed that it did not upscale), a strength outside [0, 1] or more than two
     * values, {@code --embiggen} with more than three values, {@code --embiggen_tiles} below 1 (InvokeAI made
     * nothing of them and then failed) and {@code --embiggen_strength} outside (0, 1), as {@code -f}.
     */
    private static List<Switch<?>> postprocessing() {
        return List.of(
                Switch.of(ValueType.TEXT, Builder::newPrompt, "--new_prompt")
                        .help("Change the text prompt applied during postprocessing (default, use original"
                                + " generation prompt)"),
                // free text as in InvokeAI: the names are models.yaml's face_restorer entries, checked when run
                Switch.of(ValueType.TEXT, Builder::facetool, "-ft", "--facetool")
                        .help("Select the face restoration AI to use: gfpgan, codeformer"),
                Switch.of(ValueType.FLOAT, Builder::facetoolStrength, "-G", "--facetool_strength",
                                "--gfpgan_strength")
                        .help("The strength at which to apply the face restoration to the result.")
                        .require(strength -> 0.0 <= strength && strength <= 1.0,
                                "-G/--facetool_strength must be between 0.0 and 1.0"),
                Switch.of(ValueType.FLOAT, Builder::codeformerFidelity, "-cf", "--codeformer_fidelity")
                        .help("Used along with CodeFormer. Takes values between 0 and 1. 0 produces high quality but"
                                + " low accuracy. 1 produces high accuracy but low quality.")
                        .require(fidelity -> 0.0 <= fidelity && fidelity <= 1.0,
                                "-cf/--codeformer_fidelity must be between 0.0 and 1.0"),
                Switch.of(ValueType.oneOrMore(ValueType.FLOAT), Builder::upscale, "-U", "--upscale")
                        .help("Scale factor (1, 2, 3, 4, etc..) for upscaling final output followed by upscaling"
                                + " strength (0-1.0). If strength not specified, defaults to 0.75")
                        // InvokeAI upscales by int(SCALE); "1 <= x" is false for nan too
                        .require(values -> values.size() <= 2 && 1.0 <= values.get(0)
                                        && (values.size() < 2 || 0.0 <= values.get(1) && values.get(1) <= 1.0),
                                "-U/--upscale takes SCALE [STRENGTH]: a scale of at least 1 and a strength between"
                                        + " 0.0 and 1.0"),
                Switch.of(ValueType.FLAG, Builder::saveOriginal, "--save_original", "-save_orig")
                        .help("Save original. Use it when upscaling to save both versions."),
                // out-of-range values are reset with InvokeAI's messages when embiggen runs
                Switch.of(ValueType.oneOrMore(ValueType.FLOAT), Builder::embiggen, "--embiggen", "-embiggen")
                        .help("Arbitrary upscaling using img2img. Provide scale factor (0.75), optionally followed by"
                                + " strength (0.75) and tile overlap proportion (0.25).")
                        .require(values -> values.size() <= 3,
                                "--embiggen takes SCALE [ESRGAN_STRENGTH [OVERLAP]]"),
                // whether a tile exists is known once the image is enlarged; embiggen checks that
                Switch.of(ValueType.oneOrMore(ValueType.INT), Builder::embiggenTiles, "--embiggen_tiles",
                                "-embiggen_tiles")
                        .help("For embiggen, provide list of tiles to process and replace onto the image e.g."
                                + " `1 3 5`.")
                        .require(tiles -> tiles.stream().allMatch(tile -> tile >= 1),
                                "--embiggen_tiles counts tiles from 1"),
                Switch.of(ValueType.FLOAT, Builder::embiggenStrength, "--embiggen_strength", "-embiggen_strength")
                        .help("The strength of the embiggen img2img step, defaults to 0.4")
                        // nan fails the comparison, so it is refused as well
                        .require(strength -> 0.0 < strength && strength < 1.0,
                                "--embiggen_strength can only work with 0.0 < strength < 1.0"));
    }

    private static List<Switch<?>> specialEffects() {
        return List.of(
                Switch.of(ValueType.FLAG, Builder::seamless, "--seamless")
                        .help("Change the model to seamless tiling (circular) mode"),
                Switch.of(ValueType.AXES, Builder::seamlessAxes, "--seamless_axes")
                        .help("Specify which axes to use circular convolution on: x, y or x,y (default)."),
                // InvokeAI 2.1's switch asks for noise drawn on the CPU whatever the device; invoke4j never draws it
                // anywhere else, so the switch holds already and a line that carries it still runs
                Switch.of(ValueType.FLAG, (request, present) -> { }, "--use_mps_noise")
                        .help("Draw the noise on the CPU (always so here: a seed gives the same image on every"
                                + " device)"));
    }
}
