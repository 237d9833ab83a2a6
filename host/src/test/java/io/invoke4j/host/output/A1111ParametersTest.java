package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class A1111ParametersTest {

    @Test
    void promptNegativeLineAndSettings() {
        ImageRecord record = new ImageRecord("a cat [dog] on a mat [blurry]", 42, 50, 7.5, 512, 512, "k_lms",
                "stable-diffusion-1.5", "0123456789abcdef", "cmd");
        assertEquals("a cat on a mat\nNegative prompt: dog blurry\n"
                + "Steps: 50, Sampler: LMS, CFG scale: 7.5, Seed: 42, Size: 512x512, Model hash: 0123456789, "
                + "Model: stable-diffusion-1.5",
                A1111Parameters.infotext(record));
    }

    @Test
    void noNegativeLineWithoutGroupsAndNoModelFieldsWhenUnknown() {
        ImageRecord record = new ImageRecord("a cat:0.7 a dog:0.3", 7, 30, 10.0, 640, 448, "k_euler_a", null, null,
                "cmd");
        assertEquals("a cat:0.7 a dog:0.3\nSteps: 30, Sampler: Euler a, CFG scale: 10.0, Seed: 7, Size: 640x448",
                A1111Parameters.infotext(record));
    }

    @ParameterizedTest
    @CsvSource({
        "ddim, DDIM", "plms, PLMS", "k_lms, LMS", "k_euler, Euler", "k_euler_a, Euler a", "k_heun, Heun",
        "k_dpm_2, DPM2", "k_dpm_2_a, DPM2 a", "k_dpmpp_2, DPM++ 2M", "k_dpmpp_2_a, DPM++ 2S a", "k_dpmpp_sde, DPM++ SDE",
        "k_lms_karras, LMS Karras", "k_dpmpp_2_karras, DPM++ 2M Karras", "k_dpm_2_a_karras, DPM2 a Karras",
        "mystery, mystery", "mystery_karras, mystery_karras"
    })
    void samplerDisplayNames(String invoke, String a1111) {
        assertEquals(a1111, A1111SamplerName.of(invoke));
    }
}
