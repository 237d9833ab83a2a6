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
 * Lines as typed at {@code invoke>}. Unless a test says it shows a deviation, the expected request or message
 * is what InvokeAI 2.2.5's {@code parse_cmd} with Python 3.11 argparse gives for the same switches.
 */
class CommandParserTest {
    static final List<String> SAMPLERS =
            List.of("ddim", "k_dpm_2_a", "k_dpm_2", "k_euler_a", "k_euler", "k_heun", "k_lms", "plms");
    private static final String SAMPLER_CHOICES =
            "'ddim', 'k_dpm_2_a', 'k_dpm_2', 'k_euler_a', 'k_euler', 'k_heun', 'k_lms', 'plms'";

    private final CommandParser parser = new CommandParser(SAMPLERS);

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

    private void assertHelp(String line) {
        assertTrue(assertThrows(CommandException.class, () -> parser.parse(line), line).isHelpRequested(), line);
    }

    // --- every switch, in each of its forms

    @Test
    void readsEverySwitchByItsShortName() {
        assertParses(prompt("a cat").steps(20).seed(42L).iterations(2).width(640).height(480).cfgScale(9.5)
                .sampler("ddim").outdir("out/x"), "a cat -s 20 -S 42 -n 2 -W 640 -H 480 -C 9.5 -A ddim -o out/x");
    }

    @Test
    void readsEverySwitchByItsLongName() {
        assertParses(prompt("a cat").steps(20).seed(42L).iterations(2).width(640).height(480).cfgScale(9.5)
                .sampler("ddim").outdir("out/x"), "a cat --steps 20 --seed 42 --iterations 2 --width 640"
                + " --height 480 --cfg_scale 9.5 --sampler ddim --outdir out/x");
    }

    @Test
    void takesUseMpsNoiseAsAlreadyTrueSinceNoiseIsAlwaysTheCpus() {
        // InvokeAI 2.1's --use_mps_noise forces CPU noise; invoke4j draws no other, so the line runs unchanged
        assertParses(prompt("a cat").steps(20), "a cat -s 20 --use_mps_noise");
    }

    @Test
    void readsValuesAttachedToShortNames() {
        // command-language.md §3.3
        assertParses(prompt("").steps(150).seed(123L).iterations(2).width(640).height(480).cfgScale(7.5)
                .sampler("k_lms").outdir("o"), "-s150 -S123 -n2 -W640 -H480 -C7.5 -Ak_lms -oo");
    }

    @Test
    void readsValuesAfterAnEqualsSign() {
        assertParses(prompt("a").seed(123L).steps(5).sampler("ddim").outdir("x"),
                "a --seed=123 -s=5 --sampler=ddim --outdir=x");
    }

    @Test
    void mIsAnotherNameForTheSampler() {
        assertParses(prompt("a").sampler("plms"), "a -m plms");
        assertParses(prompt("a").sampler("plms"), "a -mplms");
    }

    @Test
    void readsLongNamesByAnyUniquePrefix() {
        assertParses(prompt("a").steps(20).cfgScale(3.0).width(640).iterations(3).outdir("x").sampler("ddim"),
                "a --ste 20 --cfg 3 --wid 640 --it 3 --outd x --sam ddim");
        // as in InvokeAI, whose -D and -c share the start
        assertEquals("ambiguous option: --ou could match --outdir, --out_direction, --outcrop", error("a --ou x"));
    }

    @Test
    void sharedPrefixIsAmbiguous() {
        assertEquals("ambiguous option: --s could match --steps, --seed, --skip_normalize, --sampler,"
                + " --save_intermediates, --strength, --save_original, --seamless, --seamless_axes", error("a --s 5"));
        assertEquals("ambiguous option: --sa could match --sampler, --save_intermediates, --save_original",
                error("a --sa ddim"));
        assertEquals("ambiguous option: --h could match --help, --height, --hires_fix", error("a --h 5"));
    }

    @Test
    void negativeNumbersAreValues() {
        assertParses(prompt("a").seed(-1L), "a -S -1");
        assertParses(prompt("").seed(-2L), "-S -2");
    }

    @Test
    void seedKeepsTheLongRange() {
        assertParses(prompt("a").seed(4_294_967_296L), "a -S 4294967296");
        assertParses(prompt("a").seed(Long.MAX_VALUE), "a -S " + Long.MAX_VALUE);
    }

    @Test
    void numbersAreReadAsPythonReadsThem() {
        assertParses(prompt("a").steps(1000).seed(5L).cfgScale(10.5), "a -s 1_000 -S +5 -C 1_0.5");
        assertParses(prompt("a").steps(7).cfgScale(0.5e1), "a -s \" 7 \" -C 5.");
    }

    @Test
    void lastOccurrenceWins() {
        assertParses(prompt("a").steps(6).sampler("ddim"), "a -s 5 -A k_lms -s 6 -A ddim");
        assertParses(prompt("a").outdir("y"), "a --outdir=x -o y");
    }

    @Test
    void checksOnlyTheValueThatWins() {
        assertParses(prompt("a").steps(5), "a -s 0 -s 5");
    }

    @Test
    void leavesAbsentSwitchesNull() {
        assertParses(prompt("a cat"), "a cat");
    }

    @Test
    void outdirKeepsItsTextAsTyped() {
        assertParses(prompt("a").outdir("my dir/x#y"), "a -o \"my dir/x#y\"");
    }

    // --- the prompt

    @Test
    void promptStartsWithADashOnlyWhenEmpty() {
        assertParses(prompt("").steps(5), "-s 5");
    }

    @Test
    void quotedPromptIsTheFirstShellWord() {
        assertParses(prompt("a cat").steps(5), "\"a cat\" -s 5");
        assertParses(prompt("a \"big\" cat").steps(5), "\"a \\\"big\\\" cat\" -s 5");
        assertParses(prompt("").steps(5), "\"\" -s 5");
    }

    @Test
    void apostrophesStayAsTyped() {
        // v2.0.1 put a backslash before each apostrophe; the manual's promise wins (README decision 2)
        assertParses(prompt("there's a fly in my soup").iterations(6), "\"there's a fly in my soup\" -n6");
        assertParses(prompt("there's a fly").steps(5), "there's a fly -s 5");
    }

    @Test
    void unquotedPromptKeepsSpacingAndQuotesAsTyped() {
        assertParses(prompt("a \"big cat\"  on a mat ").steps(5), "a \"big cat\"  on a mat  -s 5");
    }

    @Test
    void dashWordsInAnUnquotedPromptStayInThePrompt() {
        // command-language.md §3.2
        assertParses(prompt("a cat-like thing").steps(5), "a cat-like thing -s 5");
        assertParses(prompt("a cat -5 legs").steps(5), "a cat -5 legs -s 5");
    }

    @Test
    void readsTheManualsExamples() {
        // invoke-cli-reference.md
        assertParses(prompt("ashley judd riding a camel").iterations(2).steps(150),
                "ashley judd riding a camel -n2 -s150");
        assertParses(prompt("waterfall and rainbow").width(640).height(480), "waterfall and rainbow -W640 -H480");
        assertParses(prompt("a fantastic alien landscape").width(576).height(512).steps(60).sampler("plms")
                .cfgScale(7.5), "a fantastic alien landscape -W 576 -H 512 -s 60 -A plms -C 7.5");
    }

    @Test
    void lineWithoutSwitchesIsAllPrompt() {
        assertParses(prompt("a cat # and a hash"), "a cat # and a hash");
        assertParses(prompt("a cat --- b"), "a cat --- b");
    }

    @Test
    void oneLetterSwitchEndingTheLineIsASwitch() {
        // deviation: InvokeAI 2.2.5 made "a cat -s" the prompt
        assertEquals("argument -s/--steps: expected one argument", error("a cat -s"));
    }

    // --- comments and the !invoke prefix

    @Test
    void commentAfterTheSwitchesIsIgnored() {
        assertParses(prompt("a cat").steps(5), "a cat -s 5 # fewer steps");
        assertParses(prompt("a cat").steps(5), "a cat -s 5#fewer steps");
        assertParses(prompt("a cat").steps(5), "\"a cat\" -s 5 # fewer steps");
        assertParses(prompt("a cat"), "\"a cat\" # nothing but a comment");
    }

    @Test
    void leadingInvokeOrDreamIsDropped() {
        assertParses(prompt("a cat").steps(5), "!invoke a cat -s 5");
        assertParses(prompt("a cat").steps(5), "!invoke \"a cat\" -s 5");
        assertParses(prompt("").steps(5), "!invoke -s 5");
        assertParses(prompt("a cat").steps(5), "!dream a cat -s 5");
    }

    @Test
    void invokeMustBeAWordOfItsOwn() {
        assertParses(prompt("!invokes a cat").steps(5), "!invokes a cat -s 5");
    }

    @Test
    void invokeAloneAsksForHelp() {
        // deviation: nothing to run, so the help InvokeAI shows for !invoke
        assertHelp("!invoke");
        assertHelp("!dream  ");
    }

    @Test
    void whitespaceAroundTheLineIsIgnored() {
        // deviation: InvokeAI would take " -s 5" as a prompt
        assertParses(prompt("").steps(5), "  -s 5 ");
        assertParses(prompt("a cat"), " a cat\t");
    }

    // --- help

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "a cat -h", "a cat -s 5 --help", "-hs5", "a --hel", "\"a\" -h",
        "a -s x -h", "a --help=me"})
    void helpAnywhereAsksForHelp(String line) {
        assertHelp(line);
    }

    @Test
    void helpInsideThePromptIsText() {
        assertParses(prompt("a -h b"), "\"a -h b\"");
    }

    // --- argparse's messages

    @Test
    void invalidIntValue() {
        assertEquals("argument -s/--steps: invalid int value: 'x'", error("a -s x"));
        assertEquals("argument -S/--seed: invalid int value: '1.5'", error("a -S 1.5"));
        assertEquals("argument -n/--iterations: invalid int value: 'two'", error("a -n two"));
        assertEquals("argument -W/--width: invalid int value: '64px'", error("a -W 64px"));
        assertEquals("argument -H/--height: invalid int value: ''", error("a --height="));
    }

    @Test
    void integerOutsideJavasRangeIsAnInvalidIntValue() {
        // deviation: Python's int has no limit
        assertEquals("argument -S/--seed: invalid int value: '99999999999999999999'",
                error("a -S 99999999999999999999"));
        assertEquals("argument -s/--steps: invalid int value: '2147483648'", error("a -s 2147483648"));
    }

    @Test
    void invalidFloatValue() {
        assertEquals("argument -C/--cfg_scale: invalid float value: 'x'", error("a -C x"));
        assertEquals("argument -C/--cfg_scale: invalid float value: '7.5f'", error("a -C 7.5f"));
        assertEquals("argument -C/--cfg_scale: invalid float value: \"it's\"", error("a -C \"it's\""));
    }

    @Test
    void invalidChoiceListsTheSamplersInTheOrderGiven() {
        assertEquals("argument -A/-m/--sampler: invalid choice: 'foo' (choose from " + SAMPLER_CHOICES + ")",
                error("a -A foo"));
        assertEquals("argument -A/-m/--sampler: invalid choice: 'x' (choose from 'plms', 'ddim')",
                assertThrows(CommandException.class, () -> new CommandParser(List.of("plms", "ddim"))
                        .parse("a -A x")).getMessage());
    }

    @Test
    void samplerNamesAreCaseSensitive() {
        assertEquals("argument -A/-m/--sampler: invalid choice: 'K_LMS' (choose from " + SAMPLER_CHOICES + ")",
                error("a -A K_LMS"));
    }

    @Test
    void expectedOneArgument() {
        assertEquals("argument -s/--steps: expected one argument", error("-s"));
        assertEquals("argument -C/--cfg_scale: expected one argument", error("a -s 5 -C"));
        assertEquals("argument -S/--seed: expected one argument", error("a -S -x"));
        assertEquals("argument -C/--cfg_scale: expected one argument", error("a -C -1e5"));
        assertEquals("argument --outdir/-o: expected one argument", error("a -o -W 5"));
        // a word with a space is a value, unless its start names a switch: here -m
        assertEquals("argument --outdir/-o: expected one argument", error("a -o \"-my dir\""));
    }

    @Test
    void unrecognizedArguments() {
        assertEquals("unrecognized arguments: extra words", error("a cat -s 5 extra words"));
        assertEquals("unrecognized arguments: dog", error("\"a cat\" dog -s 5"));
        assertEquals("unrecognized arguments: -- -s 5", error("-- -s 5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--seam_size 5", "-tm cat", "--prompt x", "--tile_size=16", "--force_outpaint"})
    void switchInvokeAiHasButInvoke4jNotYetIsUnrecognized(String switchText) {
        assertEquals("unrecognized arguments: " + switchText, error("a cat -s 5 " + switchText));
    }

    @Test
    void unknownSwitchesAndExtraWordsAreReportedTogether() {
        assertEquals("unrecognized arguments: --seam_size 9 --seam_blur 5",
                error("a cat --seam_size 9 -s 5 --seam_blur 5"));
    }

    // --- --threshold, --perlin, --save_intermediates (v2.0.1) and --seamless_axes (v2.1.0)

    @Test
    void readsThresholdPerlinIntermediatesAndSeamlessAxes() {
        assertParses(prompt("a cat").threshold(2.5).perlin(0.25).saveIntermediates(5).seamless(true)
                        .seamlessAxes("x"),
                "a cat --threshold 2.5 --perlin 0.25 --save_intermediates 5 --seamless --seamless_axes x");
        assertParses(prompt("a").seamlessAxes("x,y"), "a --seamless_axes y,x");
        assertParses(prompt("a").seamlessAxes("y"), "a --seamless_axes=y");
        assertParses(prompt("a").threshold(0.0).perlin(1.0).saveIntermediates(0),
                "a --threshold 0 --perlin 1 --save_intermediates 0");
    }

    @Test
    void refusesOutOfRangeThresholdPerlinAndIntermediatesWithInvokeAisMessages() {
        assertEquals("--threshold must be >=0.0", error("a --threshold -1"));
        assertEquals("--threshold must be >=0.0", error("a --threshold nan"));
        assertEquals("--perlin must be in [0.0, 1.0]", error("a --perlin 1.5"));
        assertEquals("--perlin must be in [0.0, 1.0]", error("a --perlin -0.1"));
        assertEquals("--save_intermediates must be at least 0", error("a --save_intermediates -2"));
        assertEquals("argument --save_intermediates: invalid int value: '1.5'", error("a --save_intermediates 1.5"));
    }

    @Test
    void refusesAnAxisListThatIsNotXOrY() {
        assertEquals("argument --seamless_axes: invalid axis list: 'z' (use x, y or x,y)",
                error("a --seamless --seamless_axes z"));
        assertEquals("argument --seamless_axes: invalid axis list: 'x,' (use x, y or x,y)",
                error("a --seamless --seamless_axes x,"));
    }

    // --- --fnformat and -z (v2.1.0 and v2.0.2)

    @Test
    void readsTheFileNameFormatAsTyped() {
        assertParses(prompt("a cat").fnformat("{prefix}.{seed:08d}.{steps}.png"),
                "a cat --fnformat {prefix}.{seed:08d}.{steps}.png");
        assertParses(prompt("a cat").fnformat("{seed} {prompt:.10}.png"), "a cat --fnformat \"{seed} {prompt:.10}.png\"");
        // an unknown key is not the parser's business: the notice comes when the file is named, as in InvokeAI
        assertParses(prompt("a cat").fnformat("{nope}.png"), "a cat --fnformat={nope}.png");
    }

    @Test
    void aFileNameFormatItCannotReadIsOneLine() {
        assertEquals("argument --fnformat: invalid format '{seed!r}.png': {seed!r}: conversions such as !r or !s are"
                + " not supported", error("a cat --fnformat {seed!r}.png"));
        assertEquals("argument --fnformat: invalid format '{seed.png': expected '}' before end of string",
                error("a cat --fnformat {seed.png"));
        assertEquals("argument --fnformat: invalid format '{}.png': {}: positional fields such as {} or {0} are not"
                + " supported; name the value, e.g. {seed}", error("a cat --fnformat {}.png"));
        assertEquals("argument --fnformat: expected one argument", error("a cat --fnformat"));
    }

    @Test
    void readsThePngCompressionByEitherName() {
        assertParses(prompt("a cat").pngCompression(0), "a cat -z 0");
        assertParses(prompt("a cat").pngCompression(9), "a cat --png_compression 9");
        assertParses(prompt("a cat").pngCompression(3), "a cat -z3");
    }

    @Test
    void aPngCompressionOutsideZeroToNineIsOneLine() {
        // argparse's words for choices=range(0, 10); InvokeAI's start-up switch took only 0-8, the line 0-9
        assertEquals("argument --png_compression/-z: invalid choice: 10 (choose from 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)",
                error("a cat -z 10"));
        assertEquals("argument --png_compression/-z: invalid choice: -1 (choose from 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)",
                error("a cat --png_compression=-1"));
        assertEquals("argument --png_compression/-z: invalid int value: 'max'", error("a cat -z max"));
    }

    @Test
    void unbalancedQuotesAreOneLine() {
        assertEquals("No closing quotation", error("\"a cat -s 5"));
        assertEquals("No closing quotation", error("a cat -o \"x"));
        assertEquals("No closing quotation", error("a cat -o it's"));
        assertEquals("No escaped character", error("a cat -o x\\"));
    }

    // --- value checks (InvokeAI's words where it has a check)

    @Test
    void cfgScaleMustBeAboveOne() {
        assertEquals("CFG_Scale (-C) must be >1.0", error("a -C 1"));
        assertEquals("CFG_Scale (-C) must be >1.0", error("a -C 0"));
        assertEquals("CFG_Scale (-C) must be >1.0", error("a -C -3"));
        assertEquals("CFG_Scale (-C) must be >1.0", error("a -C nan"));
        assertParses(prompt("a").cfgScale(1.01), "a -C 1.01");
    }

    @Test
    void stepsMustBeAtLeastOne() {
        assertEquals("-s/--steps must be at least 1", error("a -s 0"));
        assertEquals("-s/--steps must be at least 1", error("a -s -5"));
        assertParses(prompt("a").steps(1), "a -s 1");
    }

    @Test
    void iterationsMustBeAtLeastOne() {
        assertEquals("-n/--iterations must be at least 1", error("a -n 0"));
        assertParses(prompt("a").iterations(1), "a -n 1");
    }

    @Test
    void sizeMustBeAtLeast64() {
        assertEquals("-W/--width must be at least 64", error("a -W 63"));
        assertEquals("-W/--width must be at least 64", error("a -W 0"));
        assertEquals("-H/--height must be at least 64", error("a -H 10"));
        // kept as typed: the generator floors them to a multiple of 64
        assertParses(prompt("a").width(64).height(127), "a -W 64 -H 127");
        assertParses(prompt("a").width(600).height(500), "a -W 600 -H 500");
    }

    @Test
    void typeErrorsComeBeforeValueChecks() {
        assertEquals("argument -C/--cfg_scale: invalid float value: 'x'", error("a -s 0 -C x"));
    }

    @Test
    void refusesAnEmptySamplerList() {
        assertThrows(IllegalArgumentException.class, () -> new CommandParser(List.of()));
    }

    @Test
    void switchNamesListEveryNameOfEverySwitchForCompletion() {
        List<String> names = parser.switchNames();
        assertEquals(List.of("-h", "--help", "-s", "--steps", "-S", "--seed"), names.subList(0, 6));
        for (String name : List.of("-A", "-m", "--sampler", "-I", "--init_img", "-M", "--init_mask", "--fit", "-F",
                "--seamless", "-V", "--with_variations")) {
            assertTrue(names.contains(name), name);
        }
        assertFalse(names.contains("--seam_size"), "a switch not read yet is not offered");
        assertTrue(names.containsAll(List.of("--threshold", "--perlin", "--save_intermediates", "--seamless_axes")));
        assertTrue(names.contains("-G") && names.contains("--embiggen"), "the post-processing switches are");
        assertEquals(names.size(), names.stream().distinct().count(), names::toString);
    }
}
