package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3.11's {@code repr(str)}. */
class PythonReprTest {

    @Test
    void quotesWithSingleQuotes() {
        assertEquals("'foo'", PythonRepr.of("foo"));
        assertEquals("''", PythonRepr.of(""));
        assertEquals("'say \"hi\"'", PythonRepr.of("say \"hi\""));
    }

    @Test
    void switchesToDoubleQuotesForAnApostrophe() {
        assertEquals("\"it's\"", PythonRepr.of("it's"));
    }

    @Test
    void escapesTheQuoteWhenTextHasBothKinds() {
        assertEquals("'it\\'s \"x\"'", PythonRepr.of("it's \"x\""));
    }

    @Test
    void escapesBackslashesAndControlCharacters() {
        assertEquals("'a\\\\b\\tc\\nd\\re\\x00\\x7f'", PythonRepr.of("a\\b\tc\nd\re\u0000\u007f"));
    }

    @Test
    void keepsPrintableUnicodeAndEscapesTheRest() {
        assertEquals("'çà 猫 😀'", PythonRepr.of("çà 猫 😀"));
        assertEquals("'\\xa0\\u200b\\U000f0000'", PythonRepr.of("\u00a0\u200b\udb80\udc00"));
    }
}
