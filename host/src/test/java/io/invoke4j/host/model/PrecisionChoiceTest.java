package io.invoke4j.host.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.host.config.ModelEntry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrecisionChoiceTest {
    private static final Path FP32 = Path.of("models/sd");
    private static final Path FP16 = Path.of("models/sd-fp16");

    private static ModelEntry entry(String precision, Map<String, Path> variants) {
        return new ModelEntry("sd", null, precision.equals("float16") ? FP16 : FP32, "diffusers-onnx", "onnx", precision,
                null, 512, 512, null, null, true, variants);
    }

    @Test
    void autoIsTheEntrysOwnWeightsOnTheCpuAndFloat16OnCuda() {
        ModelEntry half = entry("float16", Map.of("float32", FP32));
        assertEquals(new PrecisionChoice(FP16, "float16", Optional.empty()), PrecisionChoice.of(half, "auto", "cpu"));
        assertEquals(new PrecisionChoice(FP16, "float16", Optional.empty()), PrecisionChoice.of(half, null, "auto"));
        ModelEntry both = entry("float32", Map.of("float16", FP16));
        assertEquals(new PrecisionChoice(FP32, "float32", Optional.empty()), PrecisionChoice.of(both, "auto", "cpu"));
        assertEquals(new PrecisionChoice(FP32, "float32", Optional.empty()), PrecisionChoice.of(both, null, "auto"));
        assertEquals(new PrecisionChoice(FP16, "float16", Optional.empty()), PrecisionChoice.of(both, "auto", "cuda:1"));
        assertEquals(new PrecisionChoice(FP16, "float16", Optional.empty()), PrecisionChoice.of(both, "autocast", "cuda"));
    }

    @Test
    void anExplicitPrecisionPicksTheVariant() {
        assertEquals(FP16, PrecisionChoice.of(entry("float32", Map.of("float16", FP16)), "float16", "cpu").folder());
        assertEquals(FP32, PrecisionChoice.of(entry("float16", Map.of("float32", FP32)), "float32", "cuda").folder());
    }

    @Test
    void withoutTheVariantTheOwnWeightsRunAndAnExplicitRequestIsToldSo() {
        PrecisionChoice choice = PrecisionChoice.of(entry("float32", Map.of()), "float16", "cpu");
        assertEquals(FP32, choice.folder());
        assertEquals("float32", choice.precision());
        assertEquals(Optional.of(">> sd has no float16 weights in models.yaml (variants:): using its float32 weights"),
                choice.notice());
        // auto asks for nothing in particular: no notice
        assertEquals(Optional.empty(), PrecisionChoice.of(entry("float16", Map.of()), "auto", "cpu").notice());
    }

    @Test
    void invokeAisLineForThePrecisionInUse() {
        assertEquals(">> Using more accurate float32 precision", PrecisionChoice.of(entry("auto", Map.of()), "auto", "cpu").usingLine());
        assertEquals(">> Using faster float16 precision", PrecisionChoice.of(entry("float16", Map.of()), "auto", "cpu").usingLine());
    }
}
