package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTextTest {
    private final String help = new CommandParser(List.of("ddim", "k_lms", "plms", "k_euler_a", "k_euler",
            "k_heun", "k_dpm_2", "k_dpm_2_a", "k_dpmpp_2", "k_dpmpp_2_a")).helpText();

    private List<String> lines() {
        return help.lines().toList();
    }

    @Test
    void startsWithTheUsageLineInSwitchOrder() {
        assertEquals("usage: invoke> [-h] prompt [-s STEPS] [-S SEED] [-n ITERATIONS] [-W WIDTH] [-H HEIGHT]"
                + " [-C CFG_SCALE] [--threshold THRESHOLD] [--perlin PERLIN] [--fnformat FNFORMAT] [--grid] [-i] [-x]"
                + " [-A SAMPLER_NAME] [-t] [--outdir OUTDIR] [--hires_fix] [--save_intermediates SAVE_INTERMEDIATES]"
                + " [--karras_max KARRAS_MAX] [--png_compression PNG_COMPRESSION] [-I INIT_IMG]"
                + " [-M INIT_MASK] [--init_color INIT_COLOR] [-T] [-f STRENGTH] [-D direction [pixels ...]]"
                + " [-c direction [pixels ...]] [--invert_mask] [-r INPAINT_REPLACE]"
                + " [-v VARIATION_AMOUNT] [-V WITH_VARIATIONS] [--new_prompt NEW_PROMPT]"
                + " [-ft FACETOOL] [-G FACETOOL_STRENGTH] [-cf CODEFORMER_FIDELITY] [-U UPSCALE [UPSCALE ...]]"
                + " [--save_original] [--embiggen EMBIGGEN [EMBIGGEN ...]]"
                + " [--embiggen_tiles EMBIGGEN_TILES [EMBIGGEN_TILES ...]] [--embiggen_strength EMBIGGEN_STRENGTH]"
                + " [--seamless] [--seamless_axes SEAMLESS_AXES] [--use_mps_noise]", lines().get(0));
    }

    @Test
    void listsOutpaintAndOutcropWithArgparsesTupleMetavarsAfterStrength() {
        assertTrue(help.contains("\n  -D direction [pixels ...], --out_direction direction [pixels ...]\n"
                + "                        Direction to extend the given image\n"), help);
        assertTrue(help.contains("\n  -c direction [pixels ...], --outcrop direction [pixels ...]\n"
                + "                        Outcrop the image with one or more direction/pixel\n"
                + "                        pairs: -c top 64 bottom 128 left 64 right 64\n"), help);
    }

    @Test
    void describesTheCommandWithAnExample() {
        assertTrue(help.contains("Generates images from a text prompt."), help);
        assertTrue(help.contains("    invoke> a fantastic alien landscape -W576 -H512 -s60 -n4\n"), help);
    }

    @Test
    void listsEachSwitchWithItsNamesAndHelpAsArgparseLaysThemOut() {
        assertTrue(help.contains("\noptions:\n  -h, --help            show this help message and exit\n"), help);
        assertTrue(help.contains("\nGeneral rendering:\n  -s STEPS, --steps STEPS\n"
                + "                        Number of steps\n"), help);
        assertTrue(help.contains("  -S SEED, --seed SEED  Image seed; a +ve integer, or use -1 for the previous\n"
                + "                        seed, -2 for the one before that, etc\n"), help);
        assertTrue(help.contains("  -n ITERATIONS, --iterations ITERATIONS\n"), help);
        assertTrue(help.contains("  -W WIDTH, --width WIDTH\n                        Image width, multiple of 64\n"),
                help);
        assertTrue(help.contains("  -H HEIGHT, --height HEIGHT\n"), help);
        assertTrue(help.contains("  -C CFG_SCALE, --cfg_scale CFG_SCALE\n                        Classifier free"
                + " guidance (CFG) scale - higher numbers\n"), help);
        assertTrue(help.contains("  -A SAMPLER_NAME, -m SAMPLER_NAME, --sampler SAMPLER_NAME\n"), help);
        assertTrue(help.contains("  --outdir OUTDIR, -o OUTDIR\n                        Directory to save"), help);
        assertTrue(help.contains("\npositional arguments:\n  prompt                the text to draw;"), help);
    }

    @Test
    void listsTheNewGeneralRenderingSwitchesInArgparseOrder() {
        // layout checked against Python 3.11 argparse at 80 columns
        assertTrue(help.contains("outdir, png_compression\n"
                + "  --grid, -g            generate a grid\n"
                + "  -i, --individual      override command-line --grid setting and generate\n"
                + "                        individual images\n"
                + "  -x, --skip_normalize  Skip subprompt weight normalization\n"
                + "  -A SAMPLER_NAME, -m SAMPLER_NAME, --sampler SAMPLER_NAME\n"), help);
        assertTrue(help.contains("  -t, --log_tokenization\n"
                + "                        shows how the prompt is split into tokens\n"
                + "  --outdir OUTDIR, -o OUTDIR\n"), help);
        assertTrue(help.contains("prompts and seeds\n"
                + "  --hires_fix           Create hires image using img2img to prevent duplicated\n"
                + "                        objects\n"
                + "  --save_intermediates SAVE_INTERMEDIATES\n"
                + "                        Save every nth intermediate image into an\n"
                + "                        'intermediates' directory within the output directory\n"
                + "  --karras_max KARRAS_MAX\n"
                + "                        control the point at which the K* samplers will shift\n"), help);
        assertTrue(help.contains("value (e.g. 1000) to use Karras for all step values.\n"
                + "                        [30].\n"), help);
    }

    @Test
    void listsFnformatWithItsWildcardsAndPngCompressionInInvokeAisPlaces() {
        assertTrue(help.contains("noise.\n"
                + "  --fnformat FNFORMAT   Overwrite the filename format. You can use any\n"
                + "                        argument as wildcard enclosed in curly braces. Default\n"
                + "                        is the start-up --fnformat, else {prefix}.{seed}.png.\n"
                + "                        Wildcards: prefix, seed, prompt, steps, iterations,\n"
                + "                        width, height, cfg_scale, threshold, perlin,\n"
                + "                        sampler_name, strength, init_img, init_mask, fit,\n"
                + "                        init_color, invert_mask, inpaint_replace,\n"
                + "                        variation_amount, grid, individual, skip_normalize,\n"
                + "                        seamless, hires_fix, save_intermediates,\n"
                + "                        facetool_strength, codeformer_fidelity, save_original,\n"
                + "                        outdir, png_compression\n"
                + "  --grid, -g            generate a grid\n"), help);
        assertTrue(help.contains("                        [30].\n"
                + "  --png_compression PNG_COMPRESSION, -z PNG_COMPRESSION\n"
                + "                        level of PNG compression, from 0 (none) to 9\n"
                + "                        (maximum). Default: the start-up -z, else 6\n"
                + "\nImage-to-image and inpainting:\n"), help);
    }

    @Test
    void listsThresholdAndPerlinAfterTheCfgScaleAsInvokeAi() {
        assertTrue(help.contains("cause generator to \"try\" harder.\n"
                + "  --threshold THRESHOLD\n"
                + "                        Latent threshold for classifier free guidance (CFG) -\n"
                + "                        prevent generator from \"trying\" too hard. Use positive\n"
                + "                        values, 0 disables.\n"
                + "  --perlin PERLIN       Perlin noise scale (0.0 - 1.0) - add perlin noise to\n"), help);
    }

    @Test
    void listsTheImageToImageSection() {
        assertTrue(help.contains("\nImage-to-image and inpainting:\n"
                + "  -I INIT_IMG, --init_img INIT_IMG\n"
                + "                        Path to input image for img2img mode (supersedes width\n"
                + "                        and height)\n"
                + "  -M INIT_MASK, --init_mask INIT_MASK\n"
                + "                        Path to input mask for inpainting mode (supersedes\n"
                + "                        width and height)\n"
                + "  --init_color INIT_COLOR\n"
                + "                        Path to reference image for color correction (used for\n"
                + "                        repeated img2img and inpainting)\n"
                + "  -T, -fit, --fit, -F   If specified, will resize the input image to fit\n"
                + "                        within the dimensions of width x height (512x512\n"
                + "                        default)\n"
                + "  -f STRENGTH, --strength STRENGTH\n"
                + "                        img2img strength for noising/unnoising. 0.0 preserves\n"
                + "                        image exactly, 1.0 replaces it completely\n"
                + "  -D direction [pixels ...], --out_direction direction [pixels ...]\n"
                + "                        Direction to extend the given image\n"
                + "                        (left|right|top|bottom). If a distance pixel value is\n"
                + "                        not specified it defaults to half the image size\n"
                + "  -c direction [pixels ...], --outcrop direction [pixels ...]\n"
                + "                        Outcrop the image with one or more direction/pixel\n"
                + "                        pairs: -c top 64 bottom 128 left 64 right 64\n"
                + "  --invert_mask         Invert the mask\n"
                + "  -r INPAINT_REPLACE, --inpaint_replace INPAINT_REPLACE\n"
                + "                        when inpainting, adjust how aggressively to replace\n"
                + "                        the part of the picture under the mask, from 0.0 (a\n"
                + "                        gentle merge) to 1.0 (replace entirely)\n"
                + "\nCreating and combining variations:\n"), help);
    }

    @Test
    void listsTheVariationSection() {
        assertTrue(help.contains("\nCreating and combining variations:\n"
                + "  -v VARIATION_AMOUNT, --variation_amount VARIATION_AMOUNT\n"
                + "                        If > 0, generates variations on the initial seed\n"
                + "                        instead of random seeds per iteration. Must be between\n"
                + "                        0 and 1. Higher values will be more different.\n"
                + "  -V WITH_VARIATIONS, --with_variations WITH_VARIATIONS\n"
                + "                        list of variations to apply, in the format\n"
                + "                        `seed:weight,seed:weight,...`\n"
                + "\nPost-processing:\n"), help);
    }

    @Test
    void listsThePostprocessingSection() {
        assertTrue(help.contains("\nPost-processing:\n"
                + "  --new_prompt NEW_PROMPT\n"
                + "                        Change the text prompt applied during postprocessing\n"
                + "                        (default, use original generation prompt)\n"
                + "  -ft FACETOOL, --facetool FACETOOL\n"
                + "                        Select the face restoration AI to use: gfpgan,\n"
                + "                        codeformer\n"
                + "  -G FACETOOL_STRENGTH, --facetool_strength FACETOOL_STRENGTH, --gfpgan_strength FACETOOL_STRENGTH\n"
                + "                        The strength at which to apply the face restoration to\n"
                + "                        the result.\n"), help);
        assertTrue(help.contains("\n  -U UPSCALE [UPSCALE ...], --upscale UPSCALE [UPSCALE ...]\n"
                + "                        Scale factor (1, 2, 3, 4, etc..) for upscaling final\n"), help);
        assertTrue(help.contains("\n  --save_original, -save_orig\n"
                + "                        Save original. Use it when upscaling to save both\n"
                + "                        versions.\n"
                + "  --embiggen EMBIGGEN [EMBIGGEN ...], -embiggen EMBIGGEN [EMBIGGEN ...]\n"), help);
        assertTrue(help.contains("and tile overlap proportion (0.25).\n"
                + "  --embiggen_tiles EMBIGGEN_TILES [EMBIGGEN_TILES ...], -embiggen_tiles EMBIGGEN_TILES"
                + " [EMBIGGEN_TILES ...]\n"
                + "                        For embiggen, provide list of tiles to process and\n"
                + "                        replace onto the image e.g. `1 3 5`.\n"
                + "  --embiggen_strength EMBIGGEN_STRENGTH, -embiggen_strength EMBIGGEN_STRENGTH\n"
                + "                        The strength of the embiggen img2img step, defaults to\n"
                + "                        0.4\n\nSpecial effects:\n"), help);
    }

    @Test
    void endsWithTheSpecialEffectsSection() {
        assertTrue(help.endsWith("\nSpecial effects:\n"
                + "  --seamless            Change the model to seamless tiling (circular) mode\n"
                + "  --seamless_axes SEAMLESS_AXES\n"
                + "                        Specify which axes to use circular convolution on: x,\n"
                + "                        y or x,y (default).\n"
                + "  --use_mps_noise       Draw the noise on the CPU (always so here: a seed\n"
                + "                        gives the same image on every device)\n"), help);
    }

    @Test
    void listsTheSamplerNamesInTheOrderGiven() {
        assertTrue(help.contains("Switch to a different sampler. Supported samplers:\n"
                + "                        ddim, k_lms, plms, k_euler_a, k_euler, k_heun,\n"
                + "                        k_dpm_2, k_dpm_2_a, k_dpmpp_2, k_dpmpp_2_a\n"), help);
    }

    @Test
    void keepsHelpLinesWithinTheWidth() {
        // argparse never wraps a switch's names (-G has three long ones), only the help text
        lines().stream().skip(1).filter(line -> !line.startsWith("  -"))
                .forEach(line -> assertTrue(line.length() <= 78, line));
    }
}
