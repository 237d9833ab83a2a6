package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
