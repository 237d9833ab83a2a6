package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link HtmlEntities#unescape} against Python 3.11's {@code html.unescape}. */
class HtmlEntitiesTest {

    @Test
    void knowsEveryHtml5Name() {
        assertEquals(2231, HtmlEntities.names().size());
        assertEquals("\u2242\u0338", HtmlEntities.unescape("&NotEqualTilde;"));
        assertEquals("\uD835\uDD38", HtmlEntities.unescape("&Aopf;"));
    }

    @Test
    void decodesLegacyNamesWithoutTheirSemicolon() {
        assertEquals("this\u00AC that", HtmlEntities.unescape("this&not that"));
        assertEquals("fish & chips", HtmlEntities.unescape("fish &amp chips"));
    }

    @Test
    void takesTheLongestLegacyPrefixOfAnUnknownName() {
        assertEquals("\u00ACit;", HtmlEntities.unescape("&notit;"));
        assertEquals("\u2209", HtmlEntities.unescape("&notin;"));
        assertEquals("&bogus; &zz", HtmlEntities.unescape("&bogus; &zz"));
    }

    @Test
    void unescapesOneLevelPerCall() {
        assertEquals("&amp;", HtmlEntities.unescape("&amp;amp;"));
        assertEquals("&", HtmlEntities.unescape(HtmlEntities.unescape("&amp;amp;")));
    }

    @Test
    void mapsNumericReferencesTheWayHtml5Does() {
        assertEquals("A\u00E9\u2019", HtmlEntities.unescape("&#65;&#xE9;&#X2019"));
        assertEquals("\u20AC\u0081", HtmlEntities.unescape("&#x80;&#129;"));
        assertEquals("\uFFFD\uFFFD\uFFFD\r", HtmlEntities.unescape("&#0;&#xD800;&#x110000;&#13;"));
        assertEquals("\uFFFD", HtmlEntities.unescape("&#99999999999999999999;"));
        assertEquals("ab", HtmlEntities.unescape("a&#1;&#xFFFF;&#x7F;b"));
    }
}
