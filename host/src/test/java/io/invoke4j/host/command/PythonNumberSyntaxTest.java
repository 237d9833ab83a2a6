package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accepted and refused texts are those of CPython 3.11's {@code int()} and {@code float()}. */
class PythonNumberSyntaxTest {

    @ParameterizedTest(name = "int({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "42|42",
        "-1|-1",
        "+5|5",
        "' 7 '|7",
        "'\u00a07\u00a0'|7",
        "007|7",
        "1_000|1000",
        "٣|3",
        "０５|5",
        "99999999999999999999|99999999999999999999",
    })
    void readsIntegersAsPython(String text, String expected) {
        assertEquals(Optional.of(new BigInteger(expected)), PythonNumberSyntax.parseInt(text));
    }

    @ParameterizedTest(name = "int({0}) fails")
    @ValueSource(strings = {"", "x", "1.0", "1e3", "0x10", "1__0", "_1", "1_", "- 1", "5f"})
    void refusesWhatPythonIntRefuses(String text) {
        assertTrue(PythonNumberSyntax.parseInt(text).isEmpty());
    }

    @ParameterizedTest(name = "float({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "7.5|7.5",
        "7|7.0",
        ".5|0.5",
        "5.|5.0",
        "-2.5e-3|-0.0025",
        "1E5|100000.0",
        "1_0.5|10.5",
        "' 3.25 '|3.25",
        "٣.5|3.5",
        "1e500|Infinity",
        "inf|Infinity",
        "-Infinity|-Infinity",
        "+INF|Infinity",
    })
    void readsFloatsAsPython(String text, double expected) {
        assertEquals(OptionalDouble.of(expected), PythonNumberSyntax.parseFloat(text));
    }

    @ParameterizedTest(name = "float({0}) is nan")
    @ValueSource(strings = {"nan", "NaN", "-nan"})
    void readsNan(String text) {
        assertTrue(Double.isNaN(PythonNumberSyntax.parseFloat(text).orElseThrow()));
    }

    @ParameterizedTest(name = "float({0}) fails")
    @ValueSource(strings = {"", "x", "7.5f", "7.5d", "0x1p3", "1e", ".", "1__0", "Infinit", "NaN1", "1.5.2", "e5"})
    void refusesWhatPythonFloatRefuses(String text) {
        assertTrue(PythonNumberSyntax.parseFloat(text).isEmpty());
    }
}
