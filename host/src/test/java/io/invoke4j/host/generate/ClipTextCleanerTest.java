package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** openai's {@code whitespace_clean(basic_clean(text)).lower()}. */
class ClipTextCleanerTest {

    @Test
    void collapsesAndStripsUnicodeWhitespace() {
        assertEquals("lots of whitespace here", ClipTextCleaner.clean("   lots \u3000 of\t\twhitespace \n here\u00A0"));
    }

    @Test
    void lowersWithFullUnicodeCaseMapping() {
        assertEquals("i\u0307stanbul", ClipTextCleaner.clean("\u0130stanbul"));
        assertEquals("\u03BF\u03B4\u03BF\u03C2", ClipTextCleaner.clean("\u039F\u0394\u039F\u03A3"));
    }

    @Test
    void unescapesHtmlTwiceAfterFtfy() {
        // ftfy skips entities on a line with '<'; openai's own two html.unescape calls do not.
        assertEquals("<b>bold</b> & html", ClipTextCleaner.clean("<b>bold</b> &amp;amp; html"));
        assertEquals("this\u00AC that", ClipTextCleaner.clean("this&not that"));
    }
}
