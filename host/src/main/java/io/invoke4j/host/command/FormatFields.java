package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values an {@code --fnformat} pattern can name: InvokeAI's option names (argparse's {@code dest}s, as its
 * {@code prepare_image_metadata} hands {@code opt.__dict__} to {@code str.format}) of the switches invoke4j reads,
 * plus {@code prefix} and {@code seed} (the image's own seed). Values are those the command runs with, its
 * absent switches filled in, as Python would print them ({@code None} for an unset {@code strength} of a txt2img
 * command, {@code True}/{@code False} for flags).
 *
 * <p>Unlike InvokeAI, {@code width} and {@code height} are the size the command records (InvokeAI gives
 * {@code None} when {@code -W}/{@code -H} were not typed), and the list values ({@code with_variations},
 * {@code upscale}, {@code embiggen}) and the start-up-only options are not offered: a pattern naming them gets
 * InvokeAI's unknown-key notice.
 */
public final class FormatFields {
    /** Every name a pattern may use, in the order the help lists them. */
    public static final List<String> NAMES = List.of("prefix", "seed", "prompt", "steps", "iterations", "width",
            "height", "cfg_scale", "threshold", "perlin", "sampler_name", "strength", "init_img", "init_mask", "fit",
            "init_color", "invert_mask", "inpaint_replace", "variation_amount",
            "grid", "individual", "skip_normalize", "seamless", "hires_fix", "save_intermediates", "facetool_strength",
            "codeformer_fidelity", "save_original", "outdir", "png_compression");

    private static final double DEFAULT_CODEFORMER_FIDELITY = 0.75;

    private FormatFields() {
    }

    /**
     * @param r      the request as it runs (absent switches filled in)
     * @param prefix the command's file-name counter ({@code 000001})
     * @param seed   the image's seed
     */
    public static Map<String, Object> of(GenerationRequest r, String prefix, long seed) {
        // a HashMap: None is a value here
        Map<String, Object> values = new HashMap<>();
        values.put("prefix", prefix);
        values.put("seed", seed);
        values.put("prompt", r.prompt());
        values.put("steps", r.steps());
        values.put("iterations", r.iterations());
        values.put("width", r.width());
        values.put("height", r.height());
        values.put("cfg_scale", r.cfgScale());
        values.put("threshold", r.threshold() != null ? r.threshold() : 0.0);
        values.put("perlin", r.perlin() != null ? r.perlin() : 0.0);
        values.put("sampler_name", r.sampler());
        values.put("strength", r.strength());
        values.put("init_img", r.initImage());
        values.put("init_mask", r.initMask());
        values.put("fit", flag(r.fit()));
        values.put("init_color", r.initColor());
        values.put("invert_mask", flag(r.invertMask()));
        values.put("inpaint_replace", r.inpaintReplace() != null ? r.inpaintReplace() : 0.0);
        values.put("variation_amount", r.variationAmount() != null ? r.variationAmount() : 0.0);
        values.put("grid", flag(r.grid()));
        values.put("individual", flag(r.individual()));
        values.put("skip_normalize", flag(r.skipNormalize()));
        values.put("seamless", flag(r.seamless()));
        values.put("hires_fix", flag(r.hiresFix()));
        values.put("save_intermediates", r.saveIntermediates() != null ? r.saveIntermediates() : 0);
        values.put("facetool_strength", r.facetoolStrength() != null ? r.facetoolStrength() : 0.0);
        values.put("codeformer_fidelity", r.codeformerFidelity() != null ? r.codeformerFidelity()
                : DEFAULT_CODEFORMER_FIDELITY);
        values.put("save_original", flag(r.saveOriginal()));
        values.put("outdir", r.outdir());
        values.put("png_compression", r.pngCompression());
        return values;
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
