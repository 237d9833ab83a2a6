package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The post-processing switches of issue 8 ({@code -ft -G -cf -U --save_original --embiggen}) and {@code !fix}, as
 * typed at {@code invoke>}. Unless a test says it shows a deviation, the expected request or message is Python
 * 3.11 argparse's for InvokeAI 2.2.5's declarations ({@code nargs='+'} for {@code -U} and {@code --embiggen}).
 */
class PostprocessingSwitchesTest {
    private final CommandParser parser = new CommandParser(CommandParserTest.SAMPLERS);

    private static GenerationRequest.Builder prompt(String prompt) {
        return GenerationRequest.builder().prompt(prompt);
    }

    private void assertParses(GenerationRequest.Builder expected, String line) {
        assertEquals(expected.build(), parser.parse(line), line);
    }

    private String error(String line) {
        CommandException e = assertThrows(CommandException.class, () -> parser.parse(line), line);
        assertFalse(e.isHelpRequested(), "asked for help instead of an error: " + line);
        return e.getMessage();
    }

    // --- -G, -ft, -cf

    @ParameterizedTest
    @ValueSource(strings = {"a -G 0.8", "a -G0.8", "a --facetool_strength 0.8", "a --gfpgan_strength=0.8",
        "a --facetool_s 0.8", "a --gf 0.8"})
    void faceStrengthByEachName(String line) {
        assertParses(prompt("a").facetoolStrength(0.8), line);
    }

    @Test
    void faceStrengthMustBeBetweenZeroAndOne() {
        assertEquals("-G/--facetool_strength must be between 0.0 and 1.0", error("a -G 1.5"));
        assertEquals("-G/--facetool_strength must be between 0.0 and 1.0", error("a -G -0.1"));
        assertEquals("-G/--facetool_strength must be between 0.0 and 1.0", error("a -G nan"));
        assertEquals("argument -G/--facetool_strength/--gfpgan_strength: invalid float value: 'x'", error("a -G x"));
        assertParses(prompt("a").facetoolStrength(0.0), "a -G 0");
        assertParses(prompt("a").facetoolStrength(1.0), "a -G 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a -ft codeformer", "a --facetool codeformer", "a --facetool=codeformer"})
    void faceToolByEachName(String line) {
        assertParses(prompt("a").facetool("codeformer"), line);
    }

    @Test
    void faceToolCannotCarryItsValueInTheSameWord() {
        // argparse reads -ftcodeformer as -f with the value tcodeformer
        assertEquals("argument -f/--strength: invalid float value: 'tcodeformer'", error("a -ftcodeformer"));
    }

    @Test
    void faceToolAbbreviationsAreAmbiguousWithItsStrength() {
        assertEquals("ambiguous option: --fa could match --facetool, --facetool_strength", error("a --fa x"));
        assertEquals("ambiguous option: --f could match --fnformat, --fit, --facetool, --facetool_strength",
                error("a --f x"));
    }

    @Test
    void codeformerFidelityByEachNameAndInRange() {
        assertParses(prompt("a").codeformerFidelity(0.5), "a -cf 0.5");
        assertParses(prompt("a").codeformerFidelity(0.5), "a --codeformer_fidelity 0.5");
        assertEquals("-cf/--codeformer_fidelity must be between 0.0 and 1.0", error("a -cf 2"));
    }

    // --- -U: nargs='+'

    @Test
    void upscaleTakesOneOrTwoFloats() {
        assertParses(prompt("a").upscale(List.of(2.0)), "a -U 2");
        assertParses(prompt("a").upscale(List.of(4.0, 0.5)), "a -U 4 0.5");
        assertParses(prompt("a").upscale(List.of(2.0, 0.6)), "a --upscale 2 0.6 -s 5".replace(" -s 5", ""));
        assertParses(prompt("a").upscale(List.of(2.0, 0.6)).steps(5), "a -U 2 0.6 -s 5");
    }

    @Test
    void upscaleWithAnAttachedValueTakesThatOneOnly() {
        assertParses(prompt("a").upscale(List.of(2.0)), "a -U2");
        assertParses(prompt("a").upscale(List.of(2.0)), "a --upscale=2");
        // argparse: an attached value is one argument, so the next word is left over
        assertEquals("unrecognized arguments: 0.5", error("a -U2 0.5"));
    }

    @Test
    void upscaleNeedsAValue() {
        assertEquals("argument -U/--upscale: expected at least one argument", error("a -U"));
        assertEquals("argument -U/--upscale: expected at least one argument", error("a -U -s 5"));
    }

    @Test
    void upscaleValuesAreFloats() {
        assertEquals("argument -U/--upscale: invalid float value: 'x'", error("a -U 2 x"));
        assertEquals("argument -U/--upscale: invalid float value: 'two'", error("a -U two"));
    }

    @Test
    void upscaleTakesEveryWordUpToTheNextSwitch() {
        // argparse's nargs='+' is greedy; the values are then checked: three are too many
        assertEquals("-U/--upscale takes SCALE [STRENGTH]: a scale of at least 1 and a strength between 0.0 and"
                + " 1.0", error("a -U 2 0.5 0.1 -s 5"));
    }

    @Test
    void upscaleScaleAndStrengthAreChecked() {
        String message = "-U/--upscale takes SCALE [STRENGTH]: a scale of at least 1 and a strength between 0.0 and"
                + " 1.0";
        assertEquals(message, error("a -U 0"));
        assertEquals(message, error("a -U 2 1.5"));
        assertEquals(message, error("a -U 2 -0.5"));
        assertEquals(message, error("a -U nan"));
        assertParses(prompt("a").upscale(List.of(1.0, 0.0)), "a -U 1 0");
    }

    @Test
    void lastUpscaleWins() {
        assertParses(prompt("a").upscale(List.of(4.0)), "a -U 2 0.5 -U 4");
    }

    // --- --save_original, --embiggen

    @ParameterizedTest
    @ValueSource(strings = {"a --save_original", "a -save_orig", "a --save_o", "a -save"})
    void saveOriginalByEachName(String line) {
        if (line.equals("a -save")) {
            // argparse: -save could be -s with "ave" or an abbreviation of -save_orig
            assertEquals("ambiguous option: -save could match -s, -save_orig", error(line));
            return;
        }
        assertParses(prompt("a").saveOriginal(true), line);
    }

    @Test
    void embiggenTakesOneToThreeFloatsWithAnInitImage() {
        assertParses(prompt("a").initImage("x.png").embiggen(List.of(3.0)), "a -I x.png --embiggen 3");
        assertParses(prompt("a").initImage("x.png").embiggen(List.of(2.5, 0.5, 0.2)),
                "a -I x.png -embiggen 2.5 0.5 0.2");
        assertEquals("--embiggen takes SCALE [ESRGAN_STRENGTH [OVERLAP]]", error("a -I x.png --embiggen 1 2 3 4"));
        assertEquals("argument --embiggen/-embiggen: expected at least one argument", error("a -I x.png --embiggen"));
    }

    @Test
    void embiggenInAGenerationNeedsAnInitImage() {
        assertEquals("Embiggen requires an init/input image to be specified", error("a --embiggen 2"));
    }

    @Test
    void theWholePostprocessingSetOnOneLine() {
        assertParses(prompt("a cat").steps(5).facetoolStrength(0.5).facetool("codeformer").codeformerFidelity(0.3)
                        .upscale(List.of(2.0, 0.9)).saveOriginal(true),
                "a cat -s 5 -G 0.5 -ft codeformer -cf 0.3 -U 2 0.9 --save_original");
    }

    // --- !fix

    @Test
    void fixReadsTheFileAsThePrompt() {
        assertParses(prompt("000045.4829112.png").fix(true).facetoolStrength(0.8), "!fix 000045.4829112.png -G0.8");
        assertParses(prompt("my photos/in.png").fix(true).upscale(List.of(4.0)).facetoolStrength(1.0)
                .facetool("codeformer"), "!fix \"my photos/in.png\" -G1 -U4 -ft codeformer");
        assertParses(prompt("x.png").fix(true).embiggen(List.of(3.0)), "!fix x.png --embiggen 3");
        assertTrue(CommandParser.isFix("  !fix x.png -U 2"));
        assertFalse(CommandParser.isFix("!fixate -U 2"));
    }

    @Test
    void fixNeedsAFileAndSomethingToDo() {
        assertEquals("!fix needs the image to fix: !fix FILE -G 0.8 (or -U 2, --embiggen 2)", error("!fix"));
        assertEquals("!fix needs the image to fix: !fix FILE -G 0.8 (or -U 2, --embiggen 2)", error("!fix -U 2"));
        assertEquals("please provide at least one postprocessing option, such as -G or -U", error("!fix x.png"));
        assertEquals("please provide at least one postprocessing option, such as -G or -U",
                error("!fix x.png -G 0 -ft codeformer"));
    }

    // --- -D and -c, !fix's canvas tools

    @Test
    void outDirectionTakesASideAndOptionalPixelsByEachName() {
        assertParses(prompt("x.png").fix(true).outDirection(List.of("top")), "!fix x.png -D top");
        assertParses(prompt("x.png").fix(true).outDirection(List.of("left", "32")), "!fix x.png --out_direction left 32");
        assertParses(prompt("x.png").fix(true).outDirection(List.of("right", "32")), "!fix x.png --out_d right 032");
        // nargs='+': it takes the words up to the next switch
        assertParses(prompt("x.png").fix(true).outDirection(List.of("bottom", "8")).steps(5),
                "!fix x.png -D bottom 8 -s 5");
    }

    @Test
    void outcropTakesSidePixelsPairsByEachName() {
        assertParses(prompt("x.png").fix(true).outcrop(List.of("top", "64", "left", "100")),
                "!fix x.png -c top 64 left 100");
        assertParses(prompt("x.png").fix(true).outcrop(List.of("right", "64")), "!fix x.png --outcrop right +64");
        // -c is a switch of its own now; -cf stays CodeFormer's
        assertParses(prompt("x.png").fix(true).outcrop(List.of("bottom", "64")).facetoolStrength(0.5)
                .codeformerFidelity(0.3), "!fix x.png -c bottom 64 -G 0.5 -cf 0.3");
    }

    @Test
    void badCanvasWordsAreOneLine() {
        String outDirection = "-D/--out_direction takes DIRECTION [PIXELS]: one of top, left, bottom, right, then"
                + " optionally a whole number of pixels above 0";
        assertEquals(outDirection, error("!fix x.png -D up"));
        assertEquals(outDirection, error("!fix x.png -D top 0"));
        assertEquals(outDirection, error("!fix x.png -D top 1.5"));
        assertEquals(outDirection, error("!fix x.png -D top 10 20"));
        String outcrop = "-c/--outcrop takes DIRECTION PIXELS pairs: each one of top, left, bottom, right, then a"
                + " whole number of pixels from 1 to 8192";
        assertEquals(outcrop, error("!fix x.png -c top"));
        assertEquals(outcrop, error("!fix x.png -c top 64 left"));
        assertEquals(outcrop, error("!fix x.png -c sideways 64"));
        assertEquals(outcrop, error("!fix x.png -c top -64"));
        assertEquals(outcrop, error("!fix x.png -c top 9000"));
        assertEquals("argument -D/--out_direction: expected at least one argument", error("!fix x.png -D"));
    }

    @Test
    void canvasToolsAreForFixOnly() {
        assertEquals("-D/--out_direction is for !fix: !fix FILE -D DIRECTION [PIXELS] outpaints an image",
                error("a cat -D top 32"));
        assertEquals("-c/--outcrop is for !fix: !fix FILE -c DIRECTION PIXELS ... extends an image",
                error("a cat -I x.png -c top 64"));
    }

    @Test
    void aFixWordInsideAPromptIsNoFix() {
        assertParses(prompt("a !fix for it"), "a !fix for it");
    }

    // --- --embiggen_tiles, --embiggen_strength, --new_prompt

    @Test
    void embiggenTilesTakesOneOrMoreTileNumbersByEachName() {
        assertParses(prompt("a").initImage("x.png").embiggenTiles(List.of(1, 3)), "a -I x.png --embiggen_tiles 1 3");
        assertParses(prompt("a").initImage("x.png").embiggen(List.of(2.0)).embiggenTiles(List.of(2)),
                "a -I x.png --embiggen 2 -embiggen_tiles 2");
        assertEquals("argument --embiggen_tiles/-embiggen_tiles: invalid int value: '1.5'",
                error("a -I x.png --embiggen_tiles 1.5"));
        assertEquals("--embiggen_tiles counts tiles from 1", error("a -I x.png --embiggen_tiles 1 0"));
        // embiggen's prefix now means three switches, as in InvokeAI 2.2
        assertEquals("ambiguous option: --embiggen_ could match --embiggen_tiles, --embiggen_strength",
                error("a -I x.png --embiggen_ 2"));
    }

    @Test
    void embiggenTilesAloneIsEmbiggenAndNeedsAnInitImage() {
        assertEquals("Embiggen requires an init/input image to be specified", error("a --embiggen_tiles 1"));
    }

    @Test
    void embiggenStrengthIsAStrengthForEmbiggen() {
        assertParses(prompt("x.png").fix(true).embiggen(List.of(2.0)).embiggenStrength(0.3),
                "!fix x.png --embiggen 2 --embiggen_strength 0.3");
        assertParses(prompt("x.png").fix(true).embiggen(List.of(2.0)).embiggenStrength(0.3),
                "!fix x.png --embiggen 2 -embiggen_strength 0.3");
        assertParses(prompt("a").initImage("x.png").embiggenTiles(List.of(1)).embiggenStrength(0.5),
                "a -I x.png --embiggen_tiles 1 --embiggen_strength 0.5");
        assertEquals("--embiggen_strength can only work with 0.0 < strength < 1.0",
                error("!fix x.png --embiggen 2 --embiggen_strength 1"));
        assertEquals("--embiggen_strength can only work with 0.0 < strength < 1.0",
                error("!fix x.png --embiggen 2 --embiggen_strength 0"));
        assertEquals("--embiggen_strength goes with --embiggen or --embiggen_tiles (and -I)",
                error("a -I x.png --embiggen_strength 0.3"));
    }

    @Test
    void inFixTheEmbiggenSwitchesNeedEmbiggen() {
        assertEquals("--embiggen_tiles and --embiggen_strength go with --embiggen: !fix FILE --embiggen SCALE ...",
                error("!fix x.png -U 2 --embiggen_tiles 1"));
        assertEquals("--embiggen_tiles and --embiggen_strength go with --embiggen: !fix FILE --embiggen SCALE ...",
                error("!fix x.png --embiggen_strength 0.3"));
    }

    @Test
    void newPromptIsTextForFix() {
        assertParses(prompt("x.png").fix(true).embiggen(List.of(2.0)).newPrompt("a dog, [blurry]"),
                "!fix x.png --embiggen 2 --new_prompt \"a dog, [blurry]\"");
        assertParses(prompt("x.png").fix(true).upscale(List.of(2.0)).newPrompt("-x"), "!fix x.png -U 2 --new_prompt=-x");
        assertEquals("argument --new_prompt: expected one argument", error("!fix x.png -U 2 --new_prompt"));
        assertEquals("--new_prompt is for !fix: it replaces the prompt of the image being fixed",
                error("a cat --new_prompt dog"));
    }
}
