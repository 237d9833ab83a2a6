package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Variation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The txt2img, img2img, inpainting and variation switches of issue 5, as typed at {@code invoke>}. Unless a test
 * says it shows a deviation, the expected request or message is what Python 3.11 argparse gives for InvokeAI's
 * declarations of the same switches, or InvokeAI's {@code prompt2image} message for a value check.
 */
class GenerationSwitchesTest {
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

    // --- the flags

    @ParameterizedTest
    @ValueSource(strings = {"a -g", "a --grid", "a --gr"})
    void gridFlag(String line) {
        assertParses(prompt("a").grid(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a -i", "a --individual", "a --ind"})
    void individualFlag(String line) {
        assertParses(prompt("a").individual(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a -x", "a --skip_normalize", "a --sk"})
    void skipNormalizeFlag(String line) {
        assertParses(prompt("a").skipNormalize(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a -t", "a --log_tokenization", "a --l"})
    void logTokenizationFlag(String line) {
        assertParses(prompt("a").logTokenization(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a --seamless"})
    void seamlessFlag(String line) {
        assertParses(prompt("a").seamless(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a --hires_fix", "a --hi"})
    void hiresFixFlag(String line) {
        assertParses(prompt("a").hiresFix(true), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a -T", "a -fit", "a --fit", "a --fi", "a -F"})
    void fitFlagByEachOfItsNames(String line) {
        // -F is the manual's name for it (invoke-cli-reference.md, img2img table); InvokeAI lacked it
        assertParses(prompt("a").fit(true), line);
    }

    @Test
    void flagsCombineInOneWord() {
        assertParses(prompt("a").grid(true).individual(true).skipNormalize(true).logTokenization(true), "a -gxit");
        assertParses(prompt("a").fit(true).grid(true), "a -Fg");
        assertParses(prompt("a").grid(true).strength(0.5), "a -gf0.5");
    }

    @Test
    void flagRefusesAValue() {
        assertEquals("argument --grid/-g: ignored explicit argument '1'", error("a --grid=1"));
        assertEquals("argument -T/-fit/--fit/-F: ignored explicit argument '1'", error("a -fit=1"));
        assertEquals("argument -T/-fit/--fit/-F: ignored explicit argument ''", error("a --fit="));
        assertEquals("argument -T/-fit/--fit/-F: ignored explicit argument '5'", error("a -T5"));
    }

    @Test
    void flagEndingAnUnquotedPromptIsAFlag() {
        // InvokeAI 2.2.5 made "a cat -g" all prompt (see PromptSplitter)
        assertParses(prompt("a cat").grid(true), "a cat -g");
    }

    // --- img2img and inpainting

    @Test
    void initImageByEachForm() {
        assertParses(prompt("a").initImage("foo.png"), "a -I foo.png");
        assertParses(prompt("a").initImage("foo.png"), "a --init_img foo.png");
        assertParses(prompt("a").initImage("foo.png"), "a --init_i foo.png");
        assertParses(prompt("a").initImage("foo.png"), "a --init_img=foo.png");
        assertParses(prompt("a").initImage("./vacation-photo.png"), "a -I./vacation-photo.png");
        assertParses(prompt("a").initImage("my photos/x#1.png"), "a -I \"my photos/x#1.png\"");
    }

    @Test
    void initImageTakesANegativeNumberAsItsValue() {
        // command-language.md §1 step 10: -I -1 is the last image of the previous command
        assertParses(prompt("a").initImage("-1"), "a -I -1");
        assertParses(prompt("").initImage("-2"), "-I -2");
    }

    @Test
    void valueStartingWithADashMustBeAttached() {
        assertParses(prompt("a").initImage("-foo.png"), "a -I-foo.png");
        assertParses(prompt("a").initImage("-x"), "a -I=-x");
        assertEquals("argument -I/--init_img: expected one argument", error("a -I -foo.png"));
    }

    @Test
    void initMaskByEachForm() {
        assertParses(prompt("a").initImage("i.png").initMask("m.png"), "a -I i.png -M m.png");
        assertParses(prompt("a").initImage("i.png").initMask("m.png"), "a -I i.png --init_mask m.png");
        assertParses(prompt("a").initImage("i.png").initMask("m.png"), "a -Ii.png -Mm.png");
        assertParses(prompt("a").initImage("i.png").initMask("m.png"), "a -I i.png --init_m=m.png");
    }

    @Test
    void readsTheManualsImg2imgAndInpaintingExamples() {
        // invoke-cli-reference.md
        assertParses(prompt("waterfall and rainbow").initImage("./vacation-photo.png").width(640).height(480)
                .fit(true), "waterfall and rainbow -I./vacation-photo.png -W640 -H480 --fit");
        assertParses(prompt("waterfall and rainbow").initImage("./vacation-photo.png")
                .initMask("./vacation-mask.png").width(640).height(480).fit(true),
                "waterfall and rainbow -I./vacation-photo.png -M./vacation-mask.png -W640 -H480 --fit");
    }

    @Test
    void strengthByEachForm() {
        assertParses(prompt("a").strength(0.6), "a -f 0.6");
        assertParses(prompt("a").strength(0.6), "a -f0.6");
        assertParses(prompt("a").strength(0.6), "a --strength 0.6");
        assertParses(prompt("a").strength(0.5), "a --str=.5");
    }

    @Test
    void strengthMustBeStrictlyBetweenZeroAndOne() {
        String message = "img2img and inpaint strength can only work with 0.0 < strength < 1.0";
        assertEquals(message, error("a -f 1"));
        assertEquals(message, error("a -I x.png -f 1.5"));
        // deviation: InvokeAI silently ran -f 0 as 0.75
        assertEquals(message, error("a -f 0"));
        assertEquals(message, error("a -f -0.5"));
        assertEquals(message, error("a -f nan"));
        assertParses(prompt("a").strength(0.99), "a -f 0.99");
        assertParses(prompt("a").strength(1e-9), "a -f 1e-9");
    }

    @Test
    void strengthIsAFloat() {
        assertEquals("argument -f/--strength: invalid float value: 'x'", error("a -f x"));
        assertEquals("argument -f/--strength: expected one argument", error("a -f"));
    }

    @Test
    void maskNeedsAnImage() {
        // deviation: InvokeAI ignored the mask and made a txt2img image
        assertEquals("-M/--init_mask needs -I/--init_img", error("a -M m.png"));
        assertEquals("-M/--init_mask needs -I/--init_img", error("a --init_mask=m.png -f 0.5"));
    }

    @Test
    void fitAndStrengthAreReadWithoutAnImage() {
        // InvokeAI reads and checks them for every command, and uses them only with -I
        assertParses(prompt("a").fit(true).strength(0.3), "a --fit -f 0.3");
    }

    @Test
    void singleDashFitAndStrengthShareAPrefix() {
        assertEquals("ambiguous option: -fi could match -fit, -f", error("a -fi"));
    }

    @Test
    void initColorByEachForm() {
        assertParses(prompt("a").initColor("ref.png"), "a --init_color ref.png");
        assertParses(prompt("a").initColor("ref.png"), "a --init_c=ref.png");
        assertParses(prompt("a").initImage("i.png").initColor("my ref.png"), "a -I i.png --init_color \"my ref.png\"");
        assertEquals("argument --init_color: expected one argument", error("a --init_color"));
    }

    @Test
    void initColorIsNotForFix() {
        assertEquals("--init_color is for generating: !fix does not colour-match",
                error("!fix x.png -G 0.5 --init_color ref.png"));
    }

    @Test
    void invertMaskByEachForm() {
        assertParses(prompt("a").initImage("i.png").initMask("m.png").invertMask(true),
                "a -I i.png -M m.png --invert_mask");
        assertParses(prompt("a").initImage("i.png").invertMask(true), "a -I i.png --inv");
        assertEquals("argument --invert_mask: ignored explicit argument 'yes'", error("a -I i.png --invert_mask=yes"));
    }

    @Test
    void invertMaskNeedsAnImage() {
        // deviation: InvokeAI ignored it
        assertEquals("--invert_mask needs -I/--init_img (and a mask: -M, or transparent areas in the image)",
                error("a --invert_mask"));
    }

    @Test
    void inpaintReplaceByEachForm() {
        assertParses(prompt("a").initImage("i.png").inpaintReplace(0.5), "a -I i.png -r 0.5");
        assertParses(prompt("a").initImage("i.png").inpaintReplace(0.25), "a -I i.png -r.25");
        assertParses(prompt("a").initImage("i.png").inpaintReplace(1.0), "a -I i.png --inpaint_replace 1");
        assertParses(prompt("a").initImage("i.png").inpaintReplace(0.0), "a -I i.png --inp=0");
    }

    @Test
    void inpaintReplaceMustBeBetweenZeroAndOne() {
        // InvokeAI 2.0.2's prompt2image assertion
        String message = "inpaint_replace must be between 0.0 and 1.0";
        assertEquals(message, error("a -I i.png -r 1.5"));
        assertEquals(message, error("a -I i.png -r -0.1"));
        assertEquals(message, error("a -I i.png -r nan"));
        assertEquals("argument -r/--inpaint_replace: invalid float value: 'x'", error("a -I i.png -r x"));
    }

    @Test
    void inpaintReplaceNeedsAnImage() {
        // deviation: InvokeAI ignored it
        assertEquals("-r/--inpaint_replace needs -I/--init_img (and a mask: -M, or transparent areas in the image)",
                error("a -r 0.5"));
    }

    // --- variations

    @Test
    void variationAmountByEachForm() {
        assertParses(prompt("a").variationAmount(0.2), "a -v 0.2");
        assertParses(prompt("a").variationAmount(0.2), "a -v0.2");
        assertParses(prompt("a").variationAmount(0.2), "a --variation_amount 0.2");
        // the manual's --variation is a prefix of it
        assertParses(prompt("a").variationAmount(0.1), "a --variation 0.1");
    }

    @Test
    void variationAmountMustBeBetweenZeroAndOne() {
        String message = "-v --variation_amount must be in [0.0, 1.0]";
        assertEquals(message, error("a -v 1.5"));
        assertEquals(message, error("a -v -0.1"));
        assertEquals(message, error("a -v nan"));
        assertParses(prompt("a").variationAmount(0.0), "a -v 0");
        assertParses(prompt("a").variationAmount(1.0), "a -v 1");
    }

    @Test
    void variationAmountIsAFloat() {
        assertEquals("argument -v/--variation_amount: invalid float value: 'lots'", error("a -v lots"));
    }

    @Test
    void withVariationsByEachForm() {
        List<Variation> one = List.of(new Variation(3647897225L, 0.2));
        assertParses(prompt("a").seed(42L).withVariations(one), "a -S 42 -V 3647897225:0.2");
        assertParses(prompt("a").seed(42L).withVariations(one), "a -S 42 -V3647897225:0.2");
        assertParses(prompt("a").seed(42L).withVariations(one), "a -S 42 --with_variations 3647897225:0.2");
        assertParses(prompt("a").seed(42L).withVariations(one), "a -S 42 --with=3647897225:0.2");
    }

    @Test
    void withVariationsKeepsEveryPartInOrder() {
        assertParses(prompt("a").seed(42L).withVariations(List.of(new Variation(1, 0.1), new Variation(2, 0.2),
                new Variation(3, 1.0))), "a -S 42 -V 1:0.1,2:0.2,3:1");
    }

    @Test
    void withVariationsReadsNumbersAsPython() {
        assertParses(prompt("a").seed(42L).withVariations(List.of(new Variation(1000, 0.5),
                new Variation(7, 0.25))), "a -S 42 -V \"1_000: .5, +7 :2.5e-1\"");
    }

    @Test
    void negativeVariationSeedMustBeAttached() {
        assertParses(prompt("a").seed(1L).withVariations(List.of(new Variation(-5, 0.5))), "a -S 1 -V-5:0.5");
        assertEquals("argument -V/--with_variations: expected one argument", error("a -S 1 -V -5:0.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1:2:3", "x:0.5", "1:x", "1.5:0.5", "", ":", "99999999999999999999:0.5"})
    void refusesABadPart(String part) {
        // deviation: InvokeAI printed this and ran the command without any variations
        assertEquals("Could not parse with_variations part \"" + part + "\"",
                error("a -S 1 -V \"1:0.5," + part + ",2:0.5\""));
    }

    @Test
    void refusesTheManualsCommaForm() {
        // generation-semantics.md §2.3: the docs' -V3647897225,0.1,... form never parsed
        assertEquals("Could not parse with_variations part \"3647897225\"",
                error("a -S 1 -V3647897225,0.1,1614299449,0.1"));
    }

    @Test
    void refusesEmptyParts() {
        assertEquals("Could not parse with_variations part \"\"", error("a -S 1 -V 1:0.5,"));
        assertEquals("Could not parse with_variations part \"\"", error("a -S 1 -V ''"));
    }

    @Test
    void argparseErrorsComeBeforeTheVariationParts() {
        assertEquals("argument -s/--steps: invalid int value: 'x'", error("a -V bad -s x"));
    }

    @Test
    void withVariationsNeedsASeed() {
        assertEquals("seed must be specified when using with_variations", error("a -V 1:0.5"));
        assertEquals("seed must be specified when using with_variations", error("a -V 1:0.5 -v 0.2 -n 3"));
    }

    @Test
    void withVariationsMakesOneImageUnlessItAlsoVaries() {
        String message = "when using --with_variations, multiple iterations are only possible when using"
                + " --variation_amount";
        assertEquals(message, error("a -S 1 -V 2:0.5 -n 2"));
        assertEquals(message, error("a -S 1 -V 2:0.5 -n 2 -v 0"));
        assertParses(prompt("a").seed(1L).withVariations(List.of(new Variation(2, 0.5))).iterations(1),
                "a -S 1 -V 2:0.5 -n 1");
        assertParses(prompt("a").seed(1L).withVariations(List.of(new Variation(2, 0.5))).iterations(4)
                .variationAmount(0.1), "a -S 1 -V 2:0.5 -n 4 -v 0.1");
    }

    @Test
    void variationWeightsMustBeBetweenZeroAndOne() {
        assertEquals("variation weights must be in [0.0, 1.0]: got [0.2, 1.5]", error("a -S 1 -V 2:0.2,3:1.5"));
        assertEquals("variation weights must be in [0.0, 1.0]: got [-1.0]", error("a -S 1 -V 2:-1"));
        assertEquals("variation weights must be in [0.0, 1.0]: got [nan, 1e-05]", error("a -S 1 -V 2:nan,3:1e-5"));
        assertParses(prompt("a").seed(1L).withVariations(List.of(new Variation(2, 0.0), new Variation(3, 1.0))),
                "a -S 1 -V 2:0,3:1");
    }

    @Test
    void variationChecksComeInInvokeAisOrder() {
        assertEquals("seed must be specified when using with_variations", error("a -V 2:1.5 -n 2"));
        assertEquals("when using --with_variations, multiple iterations are only possible when using"
                + " --variation_amount", error("a -S 1 -V 2:1.5 -n 2"));
    }

    @Test
    void variationAmountAloneNeedsNoSeed() {
        // prompt2image tests the seed only for -V (its "or variation_amount > 1.0" cannot be true)
        assertParses(prompt("a").variationAmount(0.3).iterations(4), "a -v 0.3 -n 4");
    }

    @Test
    void lastWithVariationsWins() {
        assertParses(prompt("a").seed(1L).withVariations(List.of(new Variation(3, 0.3))),
                "a -S 1 -V bad -V 3:0.3");
    }

    // --- all together, and abbreviations among the new names

    @Test
    void readsEveryNewSwitchOnOneLine() {
        assertParses(prompt("a cat").seed(42L).grid(true).individual(true).skipNormalize(true)
                .logTokenization(true).hiresFix(true).initImage("in.png").initMask("mask.png").fit(true)
                .strength(0.6).variationAmount(0.1).iterations(3)
                .withVariations(List.of(new Variation(7, 0.5))).seamless(true),
                "a cat -S 42 -g -i -x -t --hires_fix -I in.png -M mask.png -T -f 0.6 -v 0.1 -n 3 -V 7:0.5"
                        + " --seamless");
    }

    @Test
    void newLongNamesShareTheirPrefixes() {
        assertEquals("ambiguous option: --i could match --iterations, --individual, --init_img, --init_mask,"
                + " --init_color, --invert_mask, --inpaint_replace", error("a --i 3"));
        assertEquals("ambiguous option: --w could match --width, --with_variations", error("a --w 5"));
        assertEquals("ambiguous option: --st could match --steps, --strength", error("a --st 5"));
        assertEquals("ambiguous option: --se could match --seed, --seamless, --seamless_axes", error("a --se 5"));
        assertEquals("ambiguous option: --p could match --perlin, --png_compression", error("a --p 5"));
        assertEquals("ambiguous option: --in could match --individual, --init_img, --init_mask, --init_color,"
                + " --invert_mask, --inpaint_replace", error("a --in x"));
        assertEquals("ambiguous option: --init could match --init_img, --init_mask, --init_color", error("a --init x"));
    }

    // --- --karras_max

    @Test
    void karrasMaxIsAnIntegerOfZeroOrMore() {
        assertParses(prompt("a").karrasMax(5), "a --karras_max 5");
        assertParses(prompt("a").karrasMax(0).steps(3), "a --karras_max=0 -s 3");
        assertEquals("argument --karras_max: invalid int value: 'x'", error("a --karras_max x"));
        assertEquals("--karras_max must be at least 0", error("a --karras_max -1"));
    }
}
