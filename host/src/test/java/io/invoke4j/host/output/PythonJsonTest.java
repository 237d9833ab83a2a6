package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11's json.dumps gives for the same values. */
class PythonJsonTest {

    @Test
    void separatorsAndOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", List.of(true, false));
        map.put("n", null);
        assertEquals("{\"b\": 1, \"a\": [true, false], \"n\": null}", PythonJson.dumps(map));
    }

    @Test
    void floatsAsPythonRepr() {
        assertEquals("[7.5, 10.0, 1e-05, 1e+16, 0.1, 0.30000000000000004, -0.0]",
                PythonJson.dumps(List.of(7.5, 10.0, 0.00001, 1e16, 0.1, 0.1 + 0.2, -0.0)));
    }

    @Test
    void nonFiniteFloatsAsJavaScriptNames() {
        assertEquals("[NaN, Infinity, -Infinity]",
                PythonJson.dumps(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void stringsAreAsciiWithLowercaseEscapes() {
        assertEquals("\"caf\\u00e9 \\u732b \\ud83d\\ude00\\u007f\"", PythonJson.dumps("café 猫 😀\u007f"));
    }

    @Test
    void controlCharactersQuotesAndBackslashes() {
        assertEquals("\"\\\"q\\\" \\\\ \\b\\f\\n\\r\\t \\u0000\\u001f ~\"",
                PythonJson.dumps("\"q\" \\ \b\f\n\r\t \u0000\u001f ~"));
    }

    @Test
    void longsStayIntegers() {
        assertEquals("[4294967295, 0]", PythonJson.dumps(List.of(4294967295L, 0)));
    }
}
