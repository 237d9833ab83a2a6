package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Variation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalCommandTest {
    private final CommandParser parser = new CommandParser(CommandParserTest.SAMPLERS);

    private static GenerationRequest.Builder request(String prompt) {
        return GenerationRequest.builder().prompt(prompt).steps(50).width(512).height(512).cfgScale(7.5)
                .sampler("k_lms");
    }

    @Test
    void writesTheManualsTxt2imgCommand() {
        // command-language.md §6, checked against v2.0.1
        assertEquals("\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a cat").build(), 42));
    }

    @Test
    void writesWidthAndHeightAsTyped() {
        assertEquals("\"a\" -s 50 -S 42 -W 600 -H 500 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").width(600).height(500).build(), 42));
    }

    @Test
    void writesApostrophesAsTyped() {
        // v2.0.1 wrote "there\'s a fly"; the manual's promise wins (README decision 2)
        assertEquals("\"there's a fly\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("there's a fly").build(), 42));
    }

    @Test
    void writesTheGivenSeedNotTheRequestsOne() {
        assertEquals("\"prompt\" -s 50 -S 3357757885 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("prompt").seed(1L).build(), 3357757885L));
    }

    @Test
    void writesFloatsAsPython() {
        assertEquals("\"a\" -s 30 -S 1 -W 768 -H 512 -C 10.0 -A ddim", CanonicalCommand.format(
                request("a").steps(30).width(768).cfgScale(10.0).sampler("ddim").build(), 1));
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 1e+16 -A k_lms",
                CanonicalCommand.format(request("a").cfgScale(1e16).build(), 1));
    }

    @Test
    void neverRecordsIterationsOrOutdir() {
        assertEquals("\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a cat").iterations(4).outdir("elsewhere").build(), 42));
    }

    @Test
    void escapesQuotesAndBackslashesInThePrompt() {
        assertEquals("\"a \\\"big\\\" cat\\\\dog\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a \"big\" cat\\dog").build(), 1));
    }

    @Test
    void emptyPromptIsAnEmptyQuotedWord() {
        assertEquals("\"\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms", CanonicalCommand.format(request("").build(), 1));
    }

    @Test
    void refusesARequestMissingAValueItMustWrite() {
        GenerationRequest noSampler = request("a").sampler(null).build();
        assertEquals("sampler",
                assertThrows(NullPointerException.class, () -> CanonicalCommand.format(noSampler, 1)).getMessage());
        GenerationRequest noSteps = request("a").steps(null).build();
        assertEquals("steps",
                assertThrows(NullPointerException.class, () -> CanonicalCommand.format(noSteps, 1)).getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "a cat",
        "there's a fly in my soup",
        "a \"big\" cat",
        "\"",
        "'",
        "a cat # not a comment",
        "#hashtag",
        "a cat-like -5 thing",
        "-s 5 -S 42",
        "--help",
        "a cat -h",
        "back\\slash\\",
        "\\\"",
        "trailing backslash \\",
        "  spaced   out  ",
        "tab\there",
        "猫 çà 😀 ü",
        "a cat [dog] [blurry] :0.7 a dog:0.3",
        "!invoke a cat",
        "",
    })
    void parsingTheCommandGivesBackTheRequest(String prompt) {
        GenerationRequest original = request(prompt).steps(30).width(640).height(448).cfgScale(0.1 + 0.2 + 7)
                .sampler("k_euler_a").build();
        GenerationRequest reparsed = parser.parse(CanonicalCommand.format(original, 1234567890123L));
        assertEquals(original.toBuilder().seed(1234567890123L).build(), reparsed);
    }

    @Test
    void roundTripDropsIterationsAndOutdir() {
        GenerationRequest original = request("a cat").iterations(3).outdir("x").build();
        assertEquals(request("a cat").seed(-1L).build(), parser.parse(CanonicalCommand.format(original, -1)));
    }

    // --- issue 5's switches (command-language.md §6)

    @Test
    void writesTheManualsImg2imgCommand() {
        // command-language.md §6, checked against v2.0.1
        assertEquals("\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -I foo.png -A ddim -f 0.5",
                CanonicalCommand.format(request("a cat").sampler("ddim").initImage("foo.png").strength(0.5).build(),
                        42));
    }

    @Test
    void writesTheManualsVariationCommand() {
        assertEquals("\"prompt\" -s 50 -S 3357757885 -W 512 -H 512 -C 7.5 -A k_lms -V 3647897225:0.2",
                CanonicalCommand.format(request("prompt")
                        .withVariations(List.of(new Variation(3647897225L, 0.2))).build(), 3357757885L));
    }

    @Test
    void writesGridAfterTheCfgScale() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 --grid -A k_lms",
                CanonicalCommand.format(request("a").grid(true).build(), 1));
    }

    @Test
    void aGridRecordsItsImageCountSoItsCommandMakesTheSameGrid() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -n 6 --grid -A k_lms",
                CanonicalCommand.format(request("a").grid(true).iterations(6).build(), 1));
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").iterations(6).build(), 1), "-n is recorded for grids only");
    }

    @Test
    void writesSeamlessAfterTheGrid() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 --seamless -A k_lms",
                CanonicalCommand.format(request("a").seamless(true).build(), 1));
    }

    @Test
    void writesHiresFixAfterSeamless() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 --hires_fix -A k_lms",
                CanonicalCommand.format(request("a").hiresFix(true).build(), 1));
    }

    @Test
    void writesTheThreeFlagsInInvokeAisOrder() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 --grid --seamless --hires_fix -A k_lms",
                CanonicalCommand.format(request("a").hiresFix(true).seamless(true).grid(true).build(), 1));
    }

    @Test
    void flagsThatAreFalseAreNotWritten() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").grid(false).seamless(false).hiresFix(false).build(), 1));
    }

    @Test
    void writesTheInitImageBeforeTheSampler() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A k_lms",
                CanonicalCommand.format(request("a").initImage("in.png").build(), 1));
    }

    @Test
    void writesFitAfterTheSampler() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A k_lms --fit -f 0.75",
                CanonicalCommand.format(request("a").initImage("in.png").fit(true).strength(0.75).build(), 1));
    }

    @Test
    void writesTheMaskAfterFit() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A ddim --fit -M mask.png -f 0.75",
                CanonicalCommand.format(request("a").sampler("ddim").initImage("in.png").initMask("mask.png")
                        .fit(true).strength(0.75).build(), 1));
    }

    @Test
    void writesInvertMaskAndInitColorAfterTheMaskThenStrengthThenInpaintReplaceWithItsValue() {
        // command-language.md §6: -M, --init_color, -f, --inpaint_replace; deviations: --invert_mask is written,
        // and --inpaint_replace with its value (InvokeAI wrote the bare switch, which does not re-parse)
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A ddim --fit -M mask.png --invert_mask"
                        + " --init_color ref.png -f 0.75 --inpaint_replace 0.5",
                CanonicalCommand.format(request("a").sampler("ddim").initImage("in.png").initMask("mask.png")
                        .fit(true).invertMask(true).initColor("ref.png").strength(0.75).inpaintReplace(0.5).build(),
                        1));
    }

    @Test
    void aZeroInpaintReplaceAndAnUnsetInvertMaskAreNotWritten() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A ddim -M m.png -f 0.5",
                CanonicalCommand.format(request("a").sampler("ddim").initImage("in.png").initMask("m.png")
                        .invertMask(false).strength(0.5).inpaintReplace(0.0).build(), 1));
    }

    @Test
    void writesInitColorAfterTheSamplerWithoutAnInitImage() {
        // deviation: InvokeAI colour-matched a txt2img image too but did not record --init_color then
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms --init_color \"my ref.png\"",
                CanonicalCommand.format(request("a").initColor("my ref.png").build(), 1));
    }

    @Test
    void writesStrengthAsPython() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I in.png -A k_lms -f 1e-05",
                CanonicalCommand.format(request("a").initImage("in.png").strength(1e-5).build(), 1));
    }

    @Test
    void writesImg2imgSwitchesOnlyWithAnInitImage() {
        // InvokeAI's dream_prompt_str: fit, mask and strength belong to the init-image branch
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").fit(true).strength(0.5).initMask("m.png").build(), 1));
    }

    @Test
    void writesVariationsLastWithPythonWeights() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 --grid -I in.png -A k_lms -f 0.75 -V 2:0.1,3:1.0",
                CanonicalCommand.format(request("a").grid(true).initImage("in.png").strength(0.75)
                        .withVariations(List.of(new Variation(2, 0.1), new Variation(3, 1))).build(), 1));
    }

    @Test
    void emptyVariationListIsNotWritten() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").withVariations(List.of()).build(), 1));
    }

    @Test
    void neverRecordsTheSwitchesThatDoNotChangeTheImage() {
        // -v is folded into -V by the host; -x, -t, -i, -n, -o describe the run, not the image
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").variationAmount(0.2).skipNormalize(true).logTokenization(true)
                        .individual(true).iterations(3).outdir("o").build(), 1));
    }

    @Test
    void quotesAPathThatASplitWouldChange() {
        // deviation: v2.0.1 wrote paths bare, so a path with a space did not re-parse
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I \"my photos/in #1.png\" -A k_lms"
                + " -M \"C:\\\\masks\\\\m.png\"", CanonicalCommand.format(request("a")
                        .initImage("my photos/in #1.png").initMask("C:\\masks\\m.png").build(), 1));
    }

    @Test
    void attachesAValueStartingWithADash() {
        assertEquals("\"a\" -s 50 -S 1 -W 512 -H 512 -C 7.5 -I-in.png -A k_lms -M\"-my mask.png\" -V-5:0.5",
                CanonicalCommand.format(request("a").initImage("-in.png").initMask("-my mask.png")
                        .withVariations(List.of(new Variation(-5, 0.5))).build(), 1));
    }

    // --- post-processing (command-language.md §6 items 7 and 8, v2.2.5's order)

    @Test
    void writesTheFaceToolAfterItsStrength() {
        assertEquals("\"a cat\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 0.5 -ft codeformer -cf 0.75",
                CanonicalCommand.format(request("a cat").facetoolStrength(0.5).facetool("codeformer").build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan",
                CanonicalCommand.format(request("a").facetoolStrength(0.8).codeformerFidelity(0.2).build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 1.0 -ft codeformer -cf 0.2",
                CanonicalCommand.format(request("a").facetoolStrength(1.0).facetool("codeformer")
                        .codeformerFidelity(0.2).build(), 42));
    }

    @Test
    void aZeroFaceStrengthIsNotWritten() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").facetoolStrength(0.0).facetool("codeformer").build(), 42));
    }

    @Test
    void writesUpscaleAndEmbiggenValuesAsPythonFloats() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan -U 2.0 0.75",
                CanonicalCommand.format(request("a").upscale(List.of(2.0, 0.75)).facetoolStrength(0.8).build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -I in.png -A k_lms --embiggen 3.0 0.75 0.25",
                CanonicalCommand.format(request("a").initImage("in.png").embiggen(List.of(3.0, 0.75, 0.25)).build(),
                        42));
    }

    @Test
    void writesKarrasMaxAfterTheCfgScaleWhereGiven() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 --karras_max 5 --grid -A k_lms",
                CanonicalCommand.format(request("a").karrasMax(5).grid(true).build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms", CanonicalCommand.format(request("a").build(), 42));
    }

    @Test
    void writesTheEmbiggenTilesAndStrengthAfterEmbiggen() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -I in.png -A k_lms -f 0.75 --embiggen 2.0 0.75 0.25"
                        + " --embiggen_tiles 3 1 --embiggen_strength 0.35 -V 1:0.5",
                CanonicalCommand.format(request("a").initImage("in.png").strength(0.75)
                        .embiggen(List.of(2.0, 0.75, 0.25)).embiggenTiles(List.of(3, 1)).embiggenStrength(0.35)
                        .withVariations(List.of(new Variation(1, 0.5))).build(), 42));
    }

    @Test
    void writesFixsNewPromptQuotedAfterTheEmbiggenSwitches() {
        assertEquals("!fix \"x.png\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms --embiggen 2.0 0.75 0.25"
                        + " --embiggen_strength 0.3 --new_prompt \"a \\\"big\\\" dog\"",
                CanonicalCommand.format(request("x.png").fix(true).embiggen(List.of(2.0, 0.75, 0.25))
                        .embiggenStrength(0.3).newPrompt("a \"big\" dog").build(), 42));
        assertEquals("!fix \"x.png\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -U 2.0 --new_prompt=\"-x\"",
                CanonicalCommand.format(request("x.png").fix(true).upscale(List.of(2.0)).newPrompt("-x").build(), 42));
    }

    @Test
    void neverRecordsTheFileNameFormatOrThePngCompression() {
        // command-language.md §6: -z is never recorded, and --fnformat names the file, not the image
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").fnformat("{seed}.png").pngCompression(0).build(), 42));
    }

    @Test
    void neverRecordsSaveOriginal() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms -U 2.0",
                CanonicalCommand.format(request("a").upscale(List.of(2.0)).saveOriginal(true).build(), 42));
    }

    @Test
    void writesTheManualsFixCommand() {
        // command-language.md §6, checked against v2.0.1 (which did not yet write -ft)
        assertEquals("!fix \"000045.4829112.png\" -s 50 -S 4829112 -W 512 -H 512 -C 7.5 -A k_lms -G 0.8 -ft gfpgan",
                CanonicalCommand.format(request("000045.4829112.png").fix(true).facetoolStrength(0.8)
                        .facetool("gfpgan").build(), 4829112));
    }

    @Test
    void writesOutcropBeforeTheUpscaleAndOutpaintAfterEmbiggen() {
        // command-language.md §6 item 8: -c <words...>, -U, --embiggen..., -D <words...>
        assertEquals("!fix \"x.png\" -s 50 -S 7 -W 512 -H 512 -C 7.5 -A k_lms -c top 64 left 100",
                CanonicalCommand.format(request("x.png").fix(true).outcrop(List.of("top", "64", "left", "100"))
                        .build(), 7));
        assertEquals("!fix \"x.png\" -s 50 -S 7 -W 512 -H 512 -C 7.5 -A k_lms -c right 64 -U 2.0 0.75"
                        + " --embiggen 2.0 -D bottom 32",
                CanonicalCommand.format(request("x.png").fix(true).outcrop(List.of("right", "64"))
                        .upscale(List.of(2.0, 0.75)).embiggen(List.of(2.0)).outDirection(List.of("bottom", "32"))
                        .build(), 7));
    }

    // --- round trips: parse(format(r)) gives r back with the image's seed

    @Test
    void outpaintAndOutcropRoundTrip() {
        assertRoundTrip(request("x.png").fix(true).outDirection(List.of("left")).build());
        assertRoundTrip(request("x.png").fix(true).outDirection(List.of("top", "32")).build());
        assertRoundTrip(request("x.png").fix(true).outcrop(List.of("right", "64", "top", "128")).build());
    }

    private void assertRoundTrip(GenerationRequest original) {
        long seed = 3357757885L;
        String command = CanonicalCommand.format(original, seed);
        assertEquals(original.toBuilder().seed(seed).build(), parser.parse(command), command);
    }

    @Test
    void gridRoundTrips() {
        assertRoundTrip(request("a").grid(true).build());
    }

    @Test
    void seamlessRoundTrips() {
        assertRoundTrip(request("a").seamless(true).build());
    }

    @Test
    void hiresFixRoundTrips() {
        assertRoundTrip(request("a").hiresFix(true).build());
    }

    @Test
    void initImageRoundTrips() {
        assertRoundTrip(request("a").initImage("outputs/img-samples/000001.42.png").build());
    }

    @Test
    void fitRoundTrips() {
        assertRoundTrip(request("a").initImage("in.png").fit(true).build());
    }

    @Test
    void maskRoundTrips() {
        assertRoundTrip(request("a").initImage("in.png").initMask("mask.png").build());
    }

    @Test
    void inpaintingExtrasRoundTrip() {
        assertRoundTrip(request("a").sampler("ddim").initImage("in.png").initMask("m.png").invertMask(true)
                .initColor("outputs/img-samples/000001.42.png").strength(0.75).inpaintReplace(0.1 + 0.2).build());
        assertRoundTrip(request("a").initImage("in.png").inpaintReplace(1.0).build());
        assertRoundTrip(request("a").initColor("-ref.png").build());
    }

    @Test
    void strengthRoundTrips() {
        assertRoundTrip(request("a").initImage("in.png").strength(0.1 + 0.2).build());
        assertRoundTrip(request("a").initImage("in.png").strength(1e-5).build());
    }

    @Test
    void variationsRoundTrip() {
        assertRoundTrip(request("a").withVariations(List.of(new Variation(3647897225L, 0.2),
                new Variation(0, 0.1 + 0.2), new Variation(Long.MAX_VALUE, 1.0), new Variation(7, 0.0))).build());
    }

    @Test
    void postprocessingRoundTrips() {
        assertRoundTrip(request("a").facetoolStrength(0.8).facetool("gfpgan").build());
        assertRoundTrip(request("a").facetoolStrength(0.3).facetool("codeformer").codeformerFidelity(0.1).build());
        assertRoundTrip(request("a").upscale(List.of(2.0, 0.75)).build());
        assertRoundTrip(request("a").upscale(List.of(4.0)).build());
        assertRoundTrip(request("a").initImage("in.png").embiggen(List.of(2.5, 0.5, 0.1)).build());
    }

    @Test
    void fixRoundTrips() {
        assertRoundTrip(request("outputs/img-samples/000001.42.png").fix(true).facetoolStrength(0.8)
                .facetool("codeformer").codeformerFidelity(0.75).upscale(List.of(2.0, 0.75)).build());
        assertRoundTrip(request("my photos/x.png").fix(true).embiggen(List.of(3.0, 0.75, 0.25)).build());
        assertRoundTrip(request("x.png").fix(true).embiggen(List.of(2.0, 0.75, 0.25)).embiggenTiles(List.of(2, 4))
                .embiggenStrength(0.3).newPrompt("a \"quoted\" dog #1 [blurry]").build());
        assertRoundTrip(request("x.png").fix(true).upscale(List.of(2.0)).newPrompt("-leading dash").build());
        assertRoundTrip(request("x.png").fix(true).upscale(List.of(2.0)).newPrompt("").build());
    }

    @Test
    void writesPerlinThenThresholdAfterKarrasMaxWhereAboveZero() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 --karras_max 5 --perlin 0.25 --threshold 2.0 --seamless"
                        + " -A k_lms",
                CanonicalCommand.format(request("a").karrasMax(5).threshold(2.0).perlin(0.25).seamless(true).build(),
                        42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").threshold(0.0).perlin(0.0).build(), 42));
    }

    @Test
    void neverWritesSaveIntermediates() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 --seamless -A k_lms",
                CanonicalCommand.format(request("a").seamless(true).saveIntermediates(2).build(), 42));
    }

    @Test
    void writesOneSeamlessAxisSoThatTheCommandTilesAsTheImageDoes() {
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 --seamless --seamless_axes x -A k_lms",
                CanonicalCommand.format(request("a").seamless(true).seamlessAxes("x").build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 --seamless -A k_lms",
                CanonicalCommand.format(request("a").seamless(true).seamlessAxes("x,y").build(), 42));
        assertEquals("\"a\" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms",
                CanonicalCommand.format(request("a").seamlessAxes("y").build(), 42), "no --seamless: nothing to wrap");
        assertRoundTrip(request("a").seamless(true).seamlessAxes("y").build());
    }

    @Test
    void perlinAndThresholdRoundTrip() {
        assertRoundTrip(request("a").perlin(0.5).threshold(7.0).build());
        assertRoundTrip(request("a").perlin(1.0).threshold(1e-05).initImage("in.png").strength(0.5).build());
    }

    @Test
    void karrasMaxAndEmbiggenTilesRoundTrip() {
        assertRoundTrip(request("a").karrasMax(0).build());
        assertRoundTrip(request("a").karrasMax(1000).initImage("in.png").strength(0.5).embiggenTiles(List.of(1))
                .embiggenStrength(0.45).build());
    }

    @Test
    void everythingTogetherRoundTrips() {
        assertRoundTrip(request("a cat [dog]").sampler("ddim").grid(true).seamless(true).hiresFix(true)
                .initImage("in.png").fit(true).initMask("m.png").strength(0.6)
                .withVariations(List.of(new Variation(1, 0.5))).build());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"in.png", "my photos/in.png", "x#1.png", "it's.png", "C:\\in\\a.png", "a\"b.png",
        "", " ", "-1", "-in.png", "--", "-my photo.png", "=x", "a=b.png", "猫 😀.png", "tab\there.png",
        "-s", "--fit", "-h"})
    void anyPathRoundTrips(String path) {
        assertRoundTrip(request("a").initImage(path).initMask(path).strength(0.75).build());
    }
}
