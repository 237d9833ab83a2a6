package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings written by hand from output-and-metadata.md §3.2. */
class SdMetadataTest {

    @Test
    void weightedPrompt() {
        ImageRecord record = new ImageRecord("a cat:0.7 a dog:0.3", 42, 50, 7.5, 512, 768, "k_lms", null,
                "0123abcd", "\"a cat:0.7 a dog:0.3\" -s 50 -S 42 -W 512 -H 768 -C 7.5 -A k_lms");
        assertEquals("{\"model\": \"stable diffusion\", \"model_id\": null, \"model_hash\": \"0123abcd\", "
                + "\"app_id\": \"invoke4j\", \"app_version\": \"0.1.0\", \"image\": {"
                + "\"prompt\": [{\"prompt\": \"a cat\", \"weight\": 0.7}, {\"prompt\": \"a dog\", \"weight\": 0.3}], "
                + "\"seed\": 42, \"steps\": 50, \"cfg_scale\": 7.5, \"threshold\": 0.0, \"perlin\": 0.0, "
                + "\"width\": 512, \"height\": 768, \"postprocessing\": null, \"sampler\": \"k_lms\", "
                + "\"variations\": [], \"type\": \"txt2img\"}}",
                SdMetadata.json(record));
    }

    @Test
    void inpaintingRecordsTheMaskStrengthHashAndInpaintReplace() {
        ImageRecord record = new ImageRecord("a cat", 42, 50, 7.5, 512, 512, "ddim", null, null,
                "\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -I in.png -A ddim -M m.png -f 0.75 --inpaint_replace 0.5",
                java.util.List.of(), java.util.List.of(), new ImageRecord.Img2Img(0.75, "ab12", "m.png", 0.5));
        assertEquals("{\"model\": \"stable diffusion\", \"model_id\": null, \"model_hash\": null, "
                + "\"app_id\": \"invoke4j\", \"app_version\": \"0.1.0\", \"image\": {"
                + "\"prompt\": [{\"prompt\": \"a cat\", \"weight\": 1.0}], "
                + "\"seed\": 42, \"steps\": 50, \"cfg_scale\": 7.5, \"threshold\": 0.0, \"perlin\": 0.0, "
                + "\"width\": 512, \"height\": 512, \"postprocessing\": null, \"sampler\": \"ddim\", "
                + "\"variations\": [], \"type\": \"img2img\", \"init_mask\": \"m.png\", \"strength_steps\": 0.75, "
                + "\"orig_hash\": \"ab12\", \"inpaint_replace\": 0.5}}",
                SdMetadata.json(record));
    }

    @Test
    void nonAsciiPromptWithNegativeAndModelId() {
        ImageRecord record = new ImageRecord("café 猫 [blurry]", 4294967295L, 30, 10.0, 600, 500, "k_euler_a",
                "stable-diffusion-1.5", null, "\"café 猫 [blurry]\" -s 30 -S 4294967295 -W 600 -H 500 -C 10.0 -A k_euler_a");
        assertEquals("{\"model\": \"stable diffusion\", \"model_id\": \"stable-diffusion-1.5\", \"model_hash\": null, "
                + "\"app_id\": \"invoke4j\", \"app_version\": \"0.1.0\", \"image\": {"
                + "\"prompt\": [{\"prompt\": \"caf\\u00e9 \\u732b [blurry]\", \"weight\": 1.0}], "
                + "\"seed\": 4294967295, \"steps\": 30, \"cfg_scale\": 10.0, \"threshold\": 0.0, \"perlin\": 0.0, "
                + "\"width\": 600, \"height\": 500, \"postprocessing\": null, \"sampler\": \"k_euler_a\", "
                + "\"variations\": [], \"type\": \"txt2img\"}}",
                SdMetadata.json(record));
    }
}
