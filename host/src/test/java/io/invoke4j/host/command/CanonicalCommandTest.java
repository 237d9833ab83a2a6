package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.GenerationRequest;
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
}
