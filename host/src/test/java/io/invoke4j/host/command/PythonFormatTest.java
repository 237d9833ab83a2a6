package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every expected text was printed by CPython 3.11's {@code str.format} with {@link #VALUES}. */
class PythonFormatTest {
    private static final Map<String, Object> VALUES = new HashMap<>();

    static {
        VALUES.put("prefix", "000001");
        VALUES.put("seed", 42L);
        VALUES.put("steps", 50);
        VALUES.put("neg", -3);
        VALUES.put("cfg_scale", 7.5);
        VALUES.put("f", 2.675);
        VALUES.put("z", 0.125);
        VALUES.put("big", 12345.678);
        VALUES.put("prompt", "a red fox in the snow");
        VALUES.put("strength", null);
        VALUES.put("grid", false);
    }

    private static String format(String pattern) {
        return PythonFormat.parse(pattern).format(VALUES);
    }

    private static String refusal(String pattern) {
        return assertThrows(IllegalArgumentException.class, () -> format(pattern)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{prefix}.{seed}.png | 000001.42.png",
        "{seed:08d}          | 00000042",
        "{seed:>8}           | \"      42\"",
        "{seed:<6}!          | \"42    !\"",
        "{seed:^7}!          | \"  42   !\"",
        "{seed:*^7}          | **42***",
        "{seed:+d}           | +42",
        "{seed: d}           | \" 42\"",
        "{neg:05d}           | -0003",
        "{neg:=+6}           | \"-    3\"",
        "{neg:x}             | -3",
        "{seed:X}            | 2A",
        "{seed:o}            | 52",
        "{seed:b}            | 101010",
        "{steps:03}          | 050",
        "{seed:.2f}          | 42.00",
        "{seed:e}            | 4.200000e+01",
        "{cfg_scale}         | 7.5",
        "{cfg_scale:.1f}     | 7.5",
        "{cfg_scale:.3f}     | 7.500",
        "{cfg_scale:08.2f}   | 00007.50",
        "{cfg_scale:e}       | 7.500000e+00",
        "{cfg_scale:.2E}     | 7.50E+00",
        "{cfg_scale:%}       | 750.000000%",
        "{cfg_scale:.0%}     | 750%",
        "{cfg_scale:+}       | +7.5",
        "{cfg_scale:>6}      | \"   7.5\"",
        // the exact binary value rounded half to even, as Python does
        "{f:.2f}             | 2.67",
        "{z:.2f}             | 0.12",
        "{big:.3e}           | 1.235e+04",
        "{prompt:.5}         | a red",
        "{prompt:_<25}       | a red fox in the snow____",
        "{prompt:>25.3}      | \"                      a r\"",
        "{strength}          | None",
        "{grid}              | False",
        "{{seed}}            | {seed}",
        "}}{{                | }{",
    })
    void formatsAsPythonDoes(String pattern, String expected) {
        assertEquals(expected, format(pattern));
    }

    @Test
    void refusesWhatPythonRefusesInPythonsWords() {
        assertEquals("expected '}' before end of string", assertThrows(IllegalArgumentException.class,
                () -> PythonFormat.parse("{seed")).getMessage());
        assertEquals("Single '}' encountered in format string", assertThrows(IllegalArgumentException.class,
                () -> PythonFormat.parse("a}b")).getMessage());
        assertEquals("{prompt:d}: Unknown format code 'd' for object of type 'str'", refusal("{prompt:d}"));
        assertEquals("{cfg_scale:d}: Unknown format code 'd' for object of type 'float'", refusal("{cfg_scale:d}"));
        assertEquals("{seed:s}: Unknown format code 's' for object of type 'int'", refusal("{seed:s}"));
        assertEquals("{seed:.2}: Precision not allowed in integer format specifier", refusal("{seed:.2}"));
        assertEquals("{prompt:+}: Sign not allowed in string format specifier", refusal("{prompt:+}"));
        assertEquals("{prompt:=5}: '=' alignment not allowed in string format specifier", refusal("{prompt:=5}"));
        assertEquals("{cfg_scale:.}: Format specifier missing precision", refusal("{cfg_scale:.}"));
        assertEquals("{seed:dd}: Invalid format specifier", refusal("{seed:dd}"));
        assertEquals("{strength:>5}: unsupported format string passed to NoneType.__format__ (the value is None)",
                refusal("{strength:>5}"));
    }

    @Test
    void refusesWhatItDoesNotSupportInsteadOfGuessing() {
        assertEquals("{seed!r}: conversions such as !r or !s are not supported", refusal("{seed!r}"));
        assertEquals("{}: positional fields such as {} or {0} are not supported; name the value, e.g. {seed}",
                refusal("{}.png"));
        assertEquals("{0}: positional fields such as {} or {0} are not supported; name the value, e.g. {seed}",
                refusal("{0}.png"));
        assertEquals("{prompt[0]}: attribute and index lookups such as {prompt[0]} are not supported",
                refusal("{prompt[0]}"));
        assertEquals("{seed.real}: attribute and index lookups such as {prompt[0]} are not supported",
                refusal("{seed.real}"));
        assertEquals("{seed:{steps}}: fields inside a format spec are not supported", refusal("{seed:{steps}}"));
        assertEquals("{seed:#x}: the '#' option is not supported", refusal("{seed:#x}"));
        assertEquals("{seed:,}: the ',' grouping option is not supported", refusal("{seed:,}"));
        assertEquals("{cfg_scale:g}: the format type 'g' is not supported", refusal("{cfg_scale:g}"));
        assertEquals("{cfg_scale:.2}: a precision without a type (Python's general format); use .Nf is not"
                + " supported", refusal("{cfg_scale:.2}"));
        assertEquals("{grid:>6}: a format spec on a True/False value is not supported", refusal("{grid:>6}"));
        assertEquals("{prompt:05}: the '0' option on text is not supported", refusal("{prompt:05}"));
    }

    @Test
    void namesTheFieldsInTheOrderPythonLooksThemUp() {
        assertEquals(List.of("prefix", "seed", "nope", "steps"),
                List.copyOf(PythonFormat.parse("{prefix}.{seed}.{nope}.{steps}.{seed}.png").fieldNames()));
        assertEquals("no value for {nope}", refusal("{prefix}.{nope}"));
    }
}
