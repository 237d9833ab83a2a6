package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.GenerationRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Infotexts as A1111 writes them (webui 1.x {@code create_infotext}), read as its own parser reads them. */
class A1111InfotextTest {

    @Test
    void readsPromptNegativePromptAndSettings() {
        A1111Infotext info = A1111Infotext.parse("masterpiece, a cat in a hat\n"
                + "Negative prompt: lowres, blurry\n"
                + "Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3141592653, Size: 512x768, "
                + "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Version: v1.6.0");
        assertEquals("masterpiece, a cat in a hat", info.prompt());
        assertEquals("lowres, blurry", info.negativePrompt());
        assertEquals(Map.of("Steps", "20", "Sampler", "DPM++ 2M Karras", "CFG scale", "7", "Seed", "3141592653",
                "Size-1", "512", "Size-2", "768", "Model hash", "6ce0161689", "Model", "v1-5-pruned-emaonly",
                "Version", "v1.6.0"), info.settings());
        assertEquals(GenerationRequest.builder().prompt("masterpiece, a cat in a hat [lowres, blurry]").steps(20)
                .seed(3141592653L).width(512).height(768).cfgScale(7.0).sampler("k_dpmpp_2_karras").build(),
                info.toRequest());
    }

    @Test
    void promptAndNegativeSpanLinesAndQuotedValuesAreJson() {
        A1111Infotext info = A1111Infotext.parse("a cat\non a mat\nNegative prompt: dog\nblurry\n"
                + "Steps: 30, Sampler: Euler a, CFG scale: 7.5, Seed: 1, Size: 64x64, "
                + "Lora hashes: \"cat: 0123, hat: \\u00e9\\\"x\\\"\", Schedule type: Automatic");
        assertEquals("a cat\non a mat", info.prompt());
        assertEquals("dog\nblurry", info.negativePrompt());
        assertEquals("cat: 0123, hat: \u00e9\"x\"", info.settings().get("Lora hashes"));
        assertEquals("a cat on a mat [dog blurry]", info.toRequest().prompt());
        assertEquals("k_euler_a", info.toRequest().sampler());
    }

    @Test
    void aLastLineWithFewerThanThreeSettingsIsPromptText() {
        A1111Infotext info = A1111Infotext.parse("a photo\nstyle: noir, mood: dark");
        assertEquals("a photo\nstyle: noir, mood: dark", info.prompt());
        assertEquals(Map.of(), info.settings());
        assertEquals("A1111 parameters have no Steps",
                assertThrows(IllegalArgumentException.class, info::toRequest).getMessage());
    }

    @Test
    void aMissingOrBadSettingIsNamed() {
        assertEquals("A1111 parameters have no Seed", assertThrows(IllegalArgumentException.class,
                () -> A1111Infotext.parse("cat\nSteps: 20, Sampler: Euler, CFG scale: 7, Size: 64x64").toRequest())
                .getMessage());
        assertEquals("A1111 parameters: Size '64 by 64' is not WIDTHxHEIGHT", assertThrows(IllegalArgumentException.class,
                () -> A1111Infotext.parse("cat\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 64 by 64")
                        .toRequest()).getMessage());
        assertEquals("A1111 parameters: CFG scale 'high' is not a number", assertThrows(IllegalArgumentException.class,
                () -> A1111Infotext.parse("cat\nSteps: 20, Sampler: Euler, CFG scale: high, Seed: 1, Size: 8x8")
                        .toRequest()).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "Euler a, '', k_euler_a", "LMS, '', k_lms", "DDIM, '', ddim", "DPM++ 2M Karras, '', k_dpmpp_2_karras",
        "DPM++ 2M, Karras, k_dpmpp_2_karras", "DPM++ 2M, Automatic, k_dpmpp_2", "DDIM, Karras, ddim",
        "DPM++ SDE, '', k_dpmpp_sde", "UniPC, '', UniPC", "DPM++ 2M SDE Karras, '', DPM++ 2M SDE Karras"
    })
    void samplerNamesComeBackToInvokeNames(String a1111, String schedule, String invoke) {
        assertEquals(invoke, A1111SamplerName.toInvoke(a1111, schedule.isEmpty() ? null : schedule));
    }
}
