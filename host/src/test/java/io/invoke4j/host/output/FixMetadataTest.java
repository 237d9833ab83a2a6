package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code !fix}'s sd-metadata: the source's, with the step appended (output-and-metadata.md §3.3). */
class FixMetadataTest {

    @Test
    void appendsTheStepToTheSourcesImageKeepingEverythingElse() {
        String invokeAi = "{\"model\": \"stable diffusion\", \"model_id\": \"stable-diffusion-1.4\", \"model_hash\": "
                + "\"ab\", \"app_id\": \"lstein/stable-diffusion\", \"app_version\": \"v1.15\", \"image\": {\"steps\": 30,"
                + " \"perlin\": 0.0, \"height\": 512, \"cfg_scale\": 9.0, \"threshold\": 0.0, \"prompt\": [{\"prompt\": "
                + "\"a cat\", \"weight\": 0.7}], \"seed\": 4294967295, \"width\": 512, \"postprocessing\": null, "
                + "\"sampler\": \"k_lms\", \"variations\": [], \"type\": \"txt2img\"}}";
        String fixed = FixMetadata.appendTo(invokeAi, "gfpgan", "!fix \"x.png\" -G 0.8").orElseThrow();
        assertEquals(invokeAi.replace("\"postprocessing\": null", "\"postprocessing\": [{\"tool\": \"gfpgan\", "
                + "\"dream_command\": \"!fix \\\"x.png\\\" -G 0.8\"}]"), fixed);
    }

    @Test
    void appendsAfterEarlierSteps() {
        String once = FixMetadata.appendTo("{\"image\": {\"seed\": 1, \"postprocessing\": null}}", "gfpgan", "a")
                .orElseThrow();
        assertEquals("{\"image\": {\"seed\": 1, \"postprocessing\": [{\"tool\": \"gfpgan\", \"dream_command\": \"a\"}, "
                + "{\"tool\": \"upscale\", \"dream_command\": \"b\"}]}}",
                FixMetadata.appendTo(once, "upscale", "b").orElseThrow());
    }

    @Test
    void everyImageOfAGridGetsTheStep() {
        String fixed = FixMetadata.appendTo("{\"images\": [{\"seed\": 1}, {\"seed\": 2}]}", "upscale", "c")
                .orElseThrow();
        assertEquals("{\"images\": [{\"seed\": 1, \"postprocessing\": [{\"tool\": \"upscale\", \"dream_command\": "
                + "\"c\"}]}, {\"seed\": 2, \"postprocessing\": [{\"tool\": \"upscale\", \"dream_command\": \"c\"}]}]}",
                fixed);
    }

    @Test
    void metadataItCannotReadGivesNothing() {
        assertEquals(Optional.empty(), FixMetadata.appendTo("not json", "gfpgan", "x"));
        assertEquals(Optional.empty(), FixMetadata.appendTo("[1, 2]", "gfpgan", "x"));
        assertEquals(Optional.empty(), FixMetadata.appendTo("{\"model\": \"x\"}", "gfpgan", "x"));
    }

    @Test
    void freshMetadataIsTheRecordsWithTheStep() {
        ImageRecord record = new ImageRecord("out/x.png", 42, 50, 7.5, 512, 512, "k_lms", "tiny", null,
                "!fix \"out/x.png\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -U 2.0 0.75");
        String json = FixMetadata.fresh(record, "upscale");
        assertTrue(json.contains("\"prompt\": [{\"prompt\": \"out/x.png\", \"weight\": 1.0}]"), json);
        assertTrue(json.contains("\"postprocessing\": [{\"tool\": \"upscale\", \"dream_command\": \"!fix "
                + "\\\"out/x.png\\\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -U 2.0 0.75\"}]"), json);
    }

    @Test
    void aPostprocessedGenerationRecordsItsSwitchesAndItsSteps() {
        ImageRecord record = new ImageRecord("a cat", 42, 50, 7.5, 512, 512, "k_lms", null, null,
                "\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan -U 2.0 0.75")
                .postprocessed(new ImageRecord.Postprocessed("gfpgan", 0.8, List.of(2.0, 0.75),
                        List.of("gfpgan", "upscale")));
        assertEquals("{\"model\": \"stable diffusion\", \"model_id\": null, \"model_hash\": null, "
                + "\"app_id\": \"invoke4j\", \"app_version\": \"0.1.0\", \"image\": {"
                + "\"prompt\": [{\"prompt\": \"a cat\", \"weight\": 1.0}], \"seed\": 42, \"steps\": 50, "
                + "\"cfg_scale\": 7.5, \"threshold\": 0.0, \"perlin\": 0.0, \"width\": 512, \"height\": 512, "
                + "\"facetool\": \"gfpgan\", \"facetool_strength\": 0.8, \"upscale\": [2.0, 0.75], "
                + "\"postprocessing\": [{\"tool\": \"gfpgan\", \"dream_command\": \"\\\"a cat\\\" -s 50 -S 42 -W 512 "
                + "-H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan -U 2.0 0.75\"}, {\"tool\": \"upscale\", \"dream_command\": "
                + "\"\\\"a cat\\\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan -U 2.0 0.75\"}], "
                + "\"sampler\": \"k_lms\", \"variations\": [], \"type\": \"txt2img\"}}", SdMetadata.json(record));
    }
}
