package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Python 3.11's {@code str} rules where Java's differ. */
class PythonTextTest {

    @Test
    void stripsWhatPythonCallsSpaceButStringStripKeeps() {
        assertEquals("x", PythonText.strip("\u00A0\u2007x\u202F\u001C"));
        assertTrue(PythonText.isSpace(0x1F));
        assertFalse(PythonText.isSpace(0x200B));
    }

    @Test
    void lowersWithFullMappings() {
        assertEquals("i\u0307stanbul stra\u00DFe \u01C6", PythonText.lower("\u0130STANBUL STRA\u00DFE \u01C4"));
    }

    @Test
    void finalSigmaFollowsPythonsRuleNotWordBoundaries() {
        assertEquals("\u03BF\u03B4\u03BF\u03C2 \u03C3", PythonText.lower("\u039F\u0394\u039F\u03A3 \u03A3"));
        // Java decides by word boundaries: it calls these final (a cased letter earlier in the same word) ...
        assertEquals("x1\u03C3", PythonText.lower("X1\u03A3"));
        assertEquals("\u01533.14\u03C3", PythonText.lower("\u01523.14\u03A3"));
        // ... and this one not (a word boundary after '&'); Python looks only at the neighbours.
        assertEquals("a&\uD835\uDD38\u03C2", PythonText.lower("a&\uD835\uDD38\u03A3"));
        // Case-ignorable characters (apostrophe, soft hyphen, full stop) are skipped on both sides.
        assertEquals("a\u03C2'\u00AD", PythonText.lower("A\u03A3'\u00AD"));
        assertEquals("a'\u03C2.", PythonText.lower("A'\u03A3."));
        assertEquals("a\u03C3\u00E9", PythonText.lower("A\u03A3\u00C9"));
    }
}
