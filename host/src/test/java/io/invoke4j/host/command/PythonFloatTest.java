package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are CPython 3.11's {@code str(float)}. */
class PythonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "7.5, 7.5",
        "10.0, 10.0",
        "0.75, 0.75",
        "2, 2.0",
        "1e-05, 1e-05",
        "0.0001, 0.0001",
        "0.00011, 0.00011",
        "1e+16, 1e+16",
        "1.5e16, 1.5e+16",
        "1e15, 1000000000000000.0",
        "9999999999999998, 9999999999999998.0",
        "123456789.123, 123456789.123",
        "-7.5, -7.5",
        "-1e-05, -1e-05",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1e22, 1e+22",
    })
    void writesAsPython(double value, String expected) {
        assertEquals(expected, PythonFloat.format(value));
    }

    @Test
    void writesTheShortestDecimalThatReadsBack() {
        assertEquals("0.30000000000000004", PythonFloat.format(0.1 + 0.2));
        assertEquals("0.3333333333333333", PythonFloat.format(1.0 / 3));
    }

    @Test
    void atAPowerOfTwoFindsTheShortestDecimalOnTheWideSide() {
        // the nearest 16-digit decimals of these powers of two fall just outside the narrow lower half-interval
        assertEquals("7.120236347223045e-307", PythonFloat.format(Math.scalb(1.0, -1017)));
        assertEquals("7.174648137343064e-43", PythonFloat.format(Math.scalb(1.0, -140)));
    }

    @Test
    void writesSpecialValuesAsPython() {
        assertEquals("0.0", PythonFloat.format(0.0));
        assertEquals("-0.0", PythonFloat.format(-0.0));
        assertEquals("nan", PythonFloat.format(Double.NaN));
        assertEquals("inf", PythonFloat.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.format(Double.NEGATIVE_INFINITY));
    }
}
