package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest.Builder;
import java.util.List;
import java.util.Set;

/**
 * The {@code invoke>} switches invoke4j reads so far, declared as InvokeAI 2.2.5 declares them (names and their
 * order, help lines), plus the value checks InvokeAI makes later in {@code prompt2image}. A switch InvokeAI has
 * but this table lacks is refused as {@code unrecognized arguments}, never ignored.
 */
final class InvokeSwitches {
    private static final String GENERAL_RENDERING = "General rendering";

    /**
     * The names of InvokeAI 2.x's other per-line switches (command-language.md §4, v2.0.1 to v2.2.5, and
     * {@code --prompt}). A name moves from here to a declaration when invoke4j starts reading it.
     */
    static final Set<String> NOT_READ_YET = Set.of(
            "--prompt", "--threshold", "--perlin", "--fnformat", "--grid", "-g", "-i", "--individual",
            "-x", "--skip_normalize", "-t", "--log_tokenization", "--hires_fix", "--save_intermediates",
            "-z", "--png_compression", "--karras_max", "-I", "--init_img", "-tm", "--text_mask", "--init_color",
            "-T", "-fit", "--fit", "-f", "--strength", "-M", "--init_mask", "--invert_mask", "-r",
            "--inpaint_replace", "-c", "--outcrop", "--force_outpaint", "--seam_size", "--seam_blur",
            "--seam_strength", "--seam_steps", "--tile_size", "--new_prompt", "-ft", "--facetool", "-G",
            "--facetool_strength", "--gfpgan_strength", "-cf", "--codeformer_fidelity", "-U", "--upscale",
            "--save_original", "-save_orig", "--embiggen", "-embiggen", "--embiggen_tiles", "-embiggen_tiles",
            "--embiggen_strength", "--seamless", "--seamless_axes", "--use_mps_noise", "-v",
            "--variation_amount", "-V", "--with_variations", "-D", "--out_direction");

    private InvokeSwitches() {
    }

    /** @param samplerNames the names {@code -A} accepts, in the order its help and its error list them */
    static SwitchTable table(List<String> samplerNames) {
        Switch<Boolean> help = Switch.of(ValueType.FLAG, (request, present) -> { }, "-h", "--help")
                .help("show this help message and exit");
        return new SwitchTable(help, List.of(new SwitchTable.Section(GENERAL_RENDERING, List.of(
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
                Switch.of(ValueType.choice(samplerNames), Builder::sampler, "-A", "-m", "--sampler")
                        .metavar("SAMPLER_NAME")
                        .help("Switch to a different sampler. Supported samplers: "
                                + String.join(", ", samplerNames)),
                Switch.of(ValueType.TEXT, Builder::outdir, "--outdir", "-o")
                        .help("Directory to save generated images and a log of prompts and seeds")))),
                NOT_READ_YET);
    }
}
