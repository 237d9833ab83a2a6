package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ftfy 6.1.1's fixers one at a time, then {@code fix_text} as a whole. */
class TextFixerTest {

    @Test
    void uncurlsSingleAndDoubleQuotes() {
        assertEquals("\"curly quotes\" and 'single' \u02BB",
                TextFixer.uncurlQuotes("\u201Ccurly quotes\u201D and \u2018single\u2019 \u02BB"));
        assertEquals("it's \"low\"", TextFixer.uncurlQuotes("it\u02BCs \u201Elow\u201F"));
    }

    @Test
    void splitsLatinLigaturesButKeepsAeAndOe() {
        assertEquals("fine ffl \u017Ft IJssel dz \u00E6 \u0153",
                TextFixer.fixLatinLigatures("\uFB01ne \uFB04 \uFB05 \u0132ssel \u01F3 \u00E6 \u0153"));
    }

    @Test
    void narrowsFullWidthFormsAndWidensHalfWidthKatakana() {
        assertEquals("FULLWIDTH 123! x", TextFixer.fixCharacterWidth("\uFF26\uFF35\uFF2C\uFF2C\uFF37\uFF29\uFF24"
                + "\uFF34\uFF28 \uFF11\uFF12\uFF13\uFF01\u3000x"));
        assertEquals("\u30AB\u30BF\u30AB\u30CA", TextFixer.fixCharacterWidth("\uFF76\uFF80\uFF76\uFF85"));
    }

    @Test
    void unifiesLineBreaks() {
        assertEquals("a\nb\nc\nd\ne\nf", TextFixer.fixLineBreaks("a\r\nb\rc\u2028d\u2029e\u0085f"));
    }

    @Test
    void replacesLoneSurrogatesOnly() {
        assertEquals("\uD83D\uDC31 \uFFFD x \uFFFD", TextFixer.fixSurrogates("\uD83D\uDC31 \uD83D x \uDC31"));
    }

    @Test
    void removesAnsiTerminalEscapes() {
        assertEquals("red plain", TextFixer.removeTerminalEscapes("\u001B[1;31mred\u001B[0m plain"));
    }

    @Test
    void removesInvisibleControlsButKeepsTabsAndLineBreaks() {
        assertEquals("a\tb\nc\rd\fe", TextFixer.removeControlChars(
                "\u0000a\tb\u0007\nc\u000B\rd\u001B\u007F\fe\uFEFF\u206A\uFFF9"));
    }

    @Test
    void readsC1ControlsAsWindows1252() {
        assertEquals("\u201Chi\u201D \u20AC \u0081", TextFixer.fixC1Controls("\u0093hi\u0094 \u0080 \u0081"));
    }

    @Test
    void unescapesOnlyEntitiesThatEndInASemicolon() {
        assertEquals("fish & chips &amp", TextFixer.unescapeHtml("fish &amp; chips &amp"));
        assertEquals("this&not that", TextFixer.unescapeHtml("this&not that"));
        assertEquals("\u00E9 \u2019 \u00C9", TextFixer.unescapeHtml("&#233; &#x2019; &EACUTE;"));
        // &AMP; is its own HTML5 entity, and &LT is a legacy one, so neither is an upper-cased guess.
        assertEquals("& <", TextFixer.unescapeHtml("&AMP; &LT;"));
        assertEquals("&bogus; \uFFFD", TextFixer.unescapeHtml("&bogus; &#99999999999;"));
        // html.unescape reads only "&#123" of this, so ftfy keeps the whole as text.
        assertEquals("&#123abc;", TextFixer.unescapeHtml("&#123abc;"));
        assertEquals("\u00D1 SS", TextFixer.unescapeHtml("&NTILDE; &SZLIG;"));
    }

    @Test
    void fixTextRepeatsUntilStable() {
        assertEquals("fish & chips", TextFixer.fixText("fish &amp;amp; chips"));
    }

    @Test
    void fixTextLeavesEntitiesAloneOnceALineHasATag() {
        assertEquals("x & y\n<b>&amp;</b>\n&amp;", TextFixer.fixText("x &amp; y\n<b>&amp;</b>\n&amp;"));
    }

    @Test
    void fixTextComposesCombiningMarks() {
        assertEquals("caf\u00E9", TextFixer.fixText("cafe\u0301"));
    }

    @Test
    void fixTextRepairsMojibakeNextToACombiningAccent() {
        assertEquals("caf\u00E9 with a combining accent, mojibake caf\u00E9",
                TextFixer.fixText("cafe\u0301 with a combining accent, mojibake caf\u00C3\u00A9"));
    }

    @Test
    void fixTextAppliesEveryFixer() {
        assertEquals("\"fine\" FULL caf\u00E9\n\u2014 \"ok\"?",
                TextFixer.fixText("\u201C\uFB01ne\u201D \uFF26\uFF35\uFF2C\uFF2C caf\u00C3\u00A9\r\n"
                        + "\u00E2\u20AC\u201D \u00E2\u20AC\u0153ok\u00E2\u20AC\u009D?\u0007"));
    }

    @Test
    void fixTextKeepsCorrectText() {
        for (String text : new String[] {"a caf\u00E9 in paris", "Stra\u00DFe in M\u00FCnchen, Z\u00FCrich",
                "\u0130stanbul at night", "\u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC", "math \u2265 \u2264 \u00B1 \u00D7 \u00F7",
                "\u65E5\u672C\u306E\u98A8\u666F", "family \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\u00BFQu\u00E9? \u00A1Hola! 20\u00B0C \u00BD", "this&not that"}) {
            assertEquals(text, TextFixer.fixText(text), text);
        }
    }
}
