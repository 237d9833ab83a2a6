package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import org.junit.jupiter.api.Test;

/** ftfy 6.1's mojibake detection and repair. */
class EncodingFixerTest {

    @Test
    void theHeuristicFlagsUtf8ReadAsWindows1252() {
        assertTrue(MojibakeHeuristic.isBad("caf\u00C3\u00A9"));
        assertTrue(MojibakeHeuristic.isBad("\u00E2\u20AC\u0153quoted\u00E2\u20AC\u009D"));
        assertTrue(MojibakeHeuristic.isBad("\u0432\u0402\u045A"));
    }

    @Test
    void theHeuristicLeavesRealTextAlone() {
        for (String text : new String[] {"a caf\u00E9 in paris", "na\u00EFve art", "Stra\u00DFe in M\u00FCnchen",
                "\u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC \u03B3\u03C1\u03AC\u03BC\u03BC\u03B1\u03C4\u03B1",
                "math \u2265 \u2264 \u00B1 \u00D7 \u00F7 symbols", "\u00BFQu\u00E9?", "20\u00B0C", "(\u256F\u00B0\u25A1\u00B0)\u256F"}) {
            assertFalse(MojibakeHeuristic.isBad(text), text);
        }
    }

    @Test
    void reDecodesWholeLatin1Mojibake() {
        assertEquals("caf\u00E9 na\u00EFve", EncodingFixer.fixEncoding("caf\u00C3\u00A9 na\u00C3\u00AFve"));
    }

    @Test
    void reDecodesSloppyWindows1252MojibakeWithUnassignedBytes() {
        // "”" is E2 80 9D; windows-1252 leaves 9D unassigned, so it survives only as the C1 control U+009D.
        assertEquals("\u201Cquoted\u201D",
                EncodingFixer.fixEncoding("\u00E2\u20AC\u0153quoted\u00E2\u20AC\u009D"));
    }

    @Test
    void reDecodesOtherCodePages() {
        assertEquals("\u043F\u0440\u0438\u0432\u0435\u0442",
                EncodingFixer.fixEncoding("\u0420\u0457\u0421\u0402\u0420\u0451\u0420\u0406\u0420\u00B5\u0421\u201A"));
    }

    @Test
    void fixesTwoLayersOfMojibake() {
        assertEquals("caf\u00E9", EncodingFixer.fixEncoding("caf\u00C3\u0192\u00C2\u00A9"));
    }

    @Test
    void fixesEmbeddedMojibakeTheWholeTextCannotBeReEncodedAround() {
        // The snowman has no byte in any suspect map, so only the run "Ã©" can be re-decoded.
        assertEquals("\u2603 caf\u00E9", EncodingFixer.fixEncoding("\u2603 caf\u00C3\u00A9"));
    }

    @Test
    void restoresANoBreakSpaceTurnedIntoASpace() {
        assertEquals("voil\u00E0 le travail", EncodingFixer.fixEncoding("voil\u00C3 le travail"));
    }

    @Test
    void replacesSequencesThatLostBytesWithOneReplacementCharacter() {
        assertEquals("\u201C like this \uFFFD",
                EncodingFixer.fixEncoding("\u00E2\u20AC\u0153 like this \u00E2\u20AC\uFFFD"));
    }

    @Test
    void readsStrayC1ControlsAsWindows1252() {
        assertEquals("\u201Chi\u201D", EncodingFixer.fixEncoding("\u0093hi\u0094"));
    }

    @Test
    void decodesCesu8AndJavaNulls() throws CharacterCodingException {
        byte[] cesu8Cat = {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB0, (byte) 0xB1};
        assertEquals("\uD83D\uDC31", EncodingFixer.decodeUtf8Variants(cesu8Cat));
        assertEquals("a\0b", EncodingFixer.decodeUtf8Variants(new byte[] {'a', (byte) 0xC0, (byte) 0x80, 'b'}));
        assertThrows(CharacterCodingException.class,
                () -> EncodingFixer.decodeUtf8Variants(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}));
    }

    @Test
    void leavesUnfixableOrCorrectTextAsItIs() {
        assertEquals("a caf\u00E9 in paris", EncodingFixer.fixEncoding("a caf\u00E9 in paris"));
        assertEquals("plain ascii", EncodingFixer.fixEncoding("plain ascii"));
    }
}
