package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StartupOptionsTest {
    private static StartupOptions parse(String... args) {
        StartupOptions options = new StartupOptions();
        new CommandLine(options).setAbbreviatedOptionsAllowed(true).parseArgs(args);
        return options;
    }

    private static String usageError(String... args) {
        return assertThrows(CommandLine.ParameterException.class, () -> parse(args)).getMessage();
    }

    /** Parses and checks, as {@link Main} does. */
    private static StartupOptions checked(String... args) {
        StartupOptions options = new StartupOptions();
        CommandLine cli = new CommandLine(options).setAbbreviatedOptionsAllowed(true);
        cli.parseArgs(args);
        options.check(cli);
        return options;
    }

    private static String checkError(String... args) {
        return assertThrows(CommandLine.ParameterException.class, () -> checked(args)).getMessage();
    }

    @Test
    void pngCompressionTakesZeroToNine() {
        assertEquals(6, parse().pngCompression);
        assertEquals(9, parse("-z", "9").pngCompression);
        assertEquals(0, parse("--png_compression", "0").pngCompression);
        // InvokeAI's start-up switch refused 9 (choices=range(0, 9)); that slip is not reproduced
        assertEquals("Invalid value for option '--png_compression': must be between 0 and 9, not 10",
                usageError("-z", "10"));
        assertEquals("Invalid value for option '--png_compression': must be between 0 and 9, not -1",
                usageError("--png_compression=-1"));
        assertEquals("Invalid value for option '--png_compression': 'max' is not a whole number from 0 to 9",
                usageError("-z", "max"));
    }

    @Test
    void theFileNameFormatIsReadAtStartUp() {
        assertEquals("{prefix}.{seed}.png", parse().fnformat);
        assertEquals("{prefix}.{seed:010d}.{steps}.png", parse("--fnformat", "{prefix}.{seed:010d}.{steps}.png").fnformat);
        // an unknown key is noticed when a file is named, as in InvokeAI; a pattern it cannot read is refused
        assertEquals("{nope}.png", parse("--fnformat", "{nope}.png").fnformat);
        assertEquals("Invalid value for option '--fnformat': '{seed!r}.png': {seed!r}: conversions such as !r"
                + " or !s are not supported", usageError("--fnformat", "{seed!r}.png"));
        assertEquals("Invalid value for option '--fnformat': '{seed': expected '}' before end of string",
                usageError("--fnformat", "{seed"));
    }

    @Test
    void theCommandDefaultsAreStartUpSwitchesAsInInvokeAi213() {
        StartupOptions defaults = checked();
        assertEquals(50, defaults.steps);
        assertEquals(7.5, defaults.cfgScale);
        assertNull(defaults.width, "the model's width");
        assertNull(defaults.height, "the model's height");
        assertNull(defaults.strength, "0.75 where an init image is given");
        assertFalse(defaults.fit);
        assertEquals(30, defaults.karrasMax);
        assertEquals(2, defaults.maxLoadedModels);
        StartupOptions given = checked("-s", "20", "-W", "640", "-H", "384", "-C", "5", "-f", "0.5", "-T",
                "--karras_max", "0", "--max_loaded_models", "3");
        assertEquals(20, given.steps);
        assertEquals(640, given.width);
        assertEquals(384, given.height);
        assertEquals(5.0, given.cfgScale);
        assertEquals(0.5, given.strength);
        assertTrue(given.fit);
        assertEquals(0, given.karrasMax);
        assertEquals(3, given.maxLoadedModels);
        assertEquals(20, checked("--steps", "20").steps);
        assertFalse(checked("-T", "--no-fit").fit);
        assertFalse(checked("-g", "--no-grid").grid);
    }

    @Test
    void aBadStartUpDefaultIsRefusedWithTheLinesOwnWords() {
        assertEquals("-s/--steps must be at least 1", checkError("-s", "0"));
        assertEquals("-W/--width must be at least 64", checkError("-W", "32"));
        assertEquals("-H/--height must be at least 64", checkError("-H", "0"));
        assertEquals("CFG_Scale (-C) must be >1.0", checkError("-C", "1"));
        assertEquals("img2img and inpaint strength can only work with 0.0 < strength < 1.0", checkError("-f", "1.0"));
        assertEquals("--karras_max must be at least 0", checkError("--karras_max", "-1"));
    }

    @Test
    void versionNamesTheBuildAndTheInvokeAiReleaseItFollows() {
        assertTrue(parse("-V").version);
        assertTrue(parse("--version").version);
        // from target/classes: no manifest, so no version number
        assertEquals("invoke4j (development build), the InvokeAI 2.2.5 command line",
                new StartupOptions.Version().getVersion()[0]);
    }
}
