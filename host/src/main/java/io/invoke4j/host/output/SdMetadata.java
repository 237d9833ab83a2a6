package io.invoke4j.host.output;

import io.invoke4j.host.prompt.WeightedSubprompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sd-metadata} chunk: InvokeAI 2.2.5's JSON for a txt2img image, with invoke4j's app id and a fixed
 * key order (InvokeAI's own order varies from run to run, so readers cannot depend on one). A post-processed image
 * also has 2.2.5's {@code facetool}, {@code facetool_strength} and {@code upscale}, and a {@code postprocessing}
 * entry ({@code tool}, {@code dream_command}) per tool that ran.
 */
final class SdMetadata {
    static final String APP_ID = "invoke4j";
    static final String APP_VERSION = "0.1.0";

    private SdMetadata() {
    }

    /** The JSON text for {@code record}, as Python's {@code json.dumps} writes it. */
    static String json(ImageRecord record) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", "stable diffusion");
        metadata.put("model_id", record.modelId());
        metadata.put("model_hash", record.modelHash());
        metadata.put("app_id", APP_ID);
        metadata.put("app_version", APP_VERSION);
        if (record.gridSeeds().isEmpty()) {
            metadata.put("image", image(record, record.seed()));
        } else {
            // a grid: one object per cell, identical but for the seed (InvokeAI's "images")
            List<Object> images = new java.util.ArrayList<>();
            for (long seed : record.gridSeeds()) {
                images.add(image(record, seed));
            }
            metadata.put("images", images);
        }
        return PythonJson.dumps(metadata);
    }

    private static Map<String, Object> image(ImageRecord record, long seed) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("prompt", prompt(record.prompt()));
        image.put("seed", seed);
        image.put("steps", record.steps());
        image.put("cfg_scale", record.cfgScale());
        image.put("threshold", record.threshold());
        image.put("perlin", record.perlin());
        image.put("width", record.width());
        image.put("height", record.height());
        ImageRecord.Postprocessed post = record.postprocessed();
        if (post == null) {
            image.put("postprocessing", null);
        } else {
            // InvokeAI 2.2.5's fields for the switches, and one entry per tool as its !fix appends them
            image.put("facetool", post.facetool());
            image.put("facetool_strength", post.facetoolStrength());
            image.put("upscale", post.upscale());
            image.put("postprocessing", post.tools().stream()
                    .map(tool -> (Object) step(tool, record.command())).toList());
        }
        image.put("sampler", record.sampler());
        List<Object> variations = new java.util.ArrayList<>();
        for (io.invoke4j.api.Variation v : record.variations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seed", v.seed());
            entry.put("weight", v.weight());
            variations.add(entry);
        }
        image.put("variations", variations);
        if (record.img2img() == null) {
            image.put("type", "txt2img");
        } else {
            image.put("type", "img2img");
            image.put("init_mask", record.img2img().initMask());
            image.put("strength_steps", record.img2img().strength());
            image.put("orig_hash", record.img2img().origHash());
            // InvokeAI 2.0.2+
            image.put("inpaint_replace", record.img2img().inpaintReplace());
        }
        return image;
    }

    /** One entry of {@code postprocessing}, as InvokeAI's {@code add_postprocessing_to_metadata} writes it. */
    static Map<String, Object> step(String tool, String dreamCommand) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("tool", tool);
        step.put("dream_command", dreamCommand);
        return step;
    }

    /* InvokeAI splits the prompt as typed, so [negative] groups stay inside the sub-prompt texts. */
    private static List<Object> prompt(String typed) {
        List<Object> parts = new ArrayList<>();
        for (WeightedSubprompts.Subprompt part : WeightedSubprompts.split(typed)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prompt", part.text());
            entry.put("weight", part.weight());
            parts.add(entry);
        }
        return parts;
    }
}
