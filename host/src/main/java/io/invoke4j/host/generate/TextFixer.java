package io.invoke4j.host.generate;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ftfy 6.1.1's {@code fix_text} with its default settings, which CLIP's tokenizer runs on every prompt before
 * anything else: HTML entities, mojibake, C1 controls, Latin ligatures, full- and half-width forms, curly
 * quotes, line breaks, lone surrogates, terminal escapes, invisible controls and NFC, repeated until the
 * text stops changing.
 *
 * <p>Java 17's Unicode tables (13.0) are a version behind Python 3.11's (14.0); that only matters for
 * characters assigned in Unicode 14.
 */
public final class TextFixer {

    /** ftfy's {@code max_decode_length}: lines longer than this are fixed in pieces of this many code points. */
    private static final int MAX_SEGMENT = 1_000_000;

    /** ftfy's {@code HTML_ENTITY_RE}: only references closed by ';' count as HTML. */
    private static final Pattern HTML_ENTITY = Pattern.compile("&#?[0-9A-Za-z]{1,24};");

    /** ftfy's {@code HTML_ENTITIES}: the ';' names, plus upper-cased ones where that is unambiguous. */
    private static final Map<String, String> FTFY_ENTITIES = ftfyEntities();

    private static final Pattern SINGLE_QUOTE = Pattern.compile("[\u02BC\u2018-\u201B]");
    private static final Pattern DOUBLE_QUOTE = Pattern.compile("[\u201C-\u201F]");

    /** ECMA-48 control sequences such as colour changes. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[((?:\\p{Nd}|;)*)([a-zA-Z])");

    /**
     * Latin ligatures and the digraphs that exist only for round-tripping legacy encodings; æ and œ are left
     * alone because people use them on purpose.
     */
    private static final Map<Character, String> LIGATURES = Map.ofEntries(
            Map.entry('\u0132', "IJ"), Map.entry('\u0133', "ij"),
            Map.entry('\u0149', "\u02BCn"),
            Map.entry('\u01F1', "DZ"), Map.entry('\u01F2', "Dz"), Map.entry('\u01F3', "dz"),
            Map.entry('\u01C4', "D\u017D"), Map.entry('\u01C5', "D\u017E"), Map.entry('\u01C6', "d\u017E"),
            Map.entry('\u01C7', "LJ"), Map.entry('\u01C8', "Lj"), Map.entry('\u01C9', "lj"),
            Map.entry('\u01CA', "NJ"), Map.entry('\u01CB', "Nj"), Map.entry('\u01CC', "nj"),
            Map.entry('\uFB00', "ff"), Map.entry('\uFB01', "fi"), Map.entry('\uFB02', "fl"),
            Map.entry('\uFB03', "ffi"), Map.entry('\uFB04', "ffl"), Map.entry('\uFB05', "\u017Ft"),
            Map.entry('\uFB06', "st"));

    /** ftfy's {@code WIDTH_MAP}: the ideographic space and every half/full-width form NFKC changes. */
    private static final Map<Character, String> WIDTH = widthMap();

    private TextFixer() {
    }

    /**
     * ftfy's {@code fix_text}: fixes each line on its own. Once a line contains {@code <}, the text is taken
     * to be real HTML and entities are left alone from there on.
     */
    public static String fixText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean unescapeHtml = true;
        int pos = 0;
        while (pos < text.length()) {
            int lineEnd = text.indexOf('\n', pos) + 1;
            if (lineEnd == 0) {
                lineEnd = text.length();
            }
            if (text.codePointCount(pos, lineEnd) > MAX_SEGMENT) {
                lineEnd = text.offsetByCodePoints(pos, MAX_SEGMENT);
            }
            String segment = text.substring(pos, lineEnd);
            if (segment.indexOf('<') >= 0) {
                unescapeHtml = false;
            }
            out.append(fixSegment(segment, unescapeHtml));
            pos = lineEnd;
        }
        return out.toString();
    }

    /** ftfy's {@code fix_and_explain} without the explanation: every fixer, until nothing changes. */
    static String fixSegment(String text, boolean unescapeHtml) {
        while (true) {
            String original = text;
            if (unescapeHtml) {
                text = unescapeHtml(text);
            }
            text = EncodingFixer.fixEncoding(text);
            text = fixC1Controls(text);
            text = fixLatinLigatures(text);
            text = fixCharacterWidth(text);
            text = uncurlQuotes(text);
            text = fixLineBreaks(text);
            text = fixSurrogates(text);
            text = removeTerminalEscapes(text);
            text = removeControlChars(text);
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
            if (text.equals(original)) {
                return text;
            }
        }
    }

    /**
     * ftfy's {@code unescape_html}: decodes references that end in {@code ;} ({@code &amp;}, {@code &#233;},
     * {@code &EACUTE;}); a bare {@code &amp} is left as it is, since it may be plain text.
     */
    public static String unescapeHtml(String text) {
        Matcher m = HTML_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(unescapeEntity(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unescapeEntity(String entity) {
        String named = FTFY_ENTITIES.get(entity);
        if (named != null) {
            return named;
        }
        if (entity.startsWith("&#")) {
            String decoded = HtmlEntities.unescape(entity);
            // A number too long for one reference decodes only in part; then the whole is not an entity.
            return decoded.indexOf(';') >= 0 ? entity : decoded;
        }
        return entity;
    }

    /** ftfy's {@code fix_c1_controls}: C1 controls become the windows-1252 characters they stand for. */
    public static String fixC1Controls(String text) {
        return EncodingFixer.fixC1Controls(text);
    }

    /** ftfy's {@code fix_latin_ligatures}: {@code "ﬁne"} becomes {@code "fine"}. */
    public static String fixLatinLigatures(String text) {
        return translate(text, LIGATURES);
    }

    /** ftfy's {@code fix_character_width}: {@code "ＬＯＵＤ"} becomes {@code "LOUD"}, half-width kana full. */
    public static String fixCharacterWidth(String text) {
        return translate(text, WIDTH);
    }

    /** ftfy's {@code uncurl_quotes}: curly quotes (and U+02BC) become ASCII ones. */
    public static String uncurlQuotes(String text) {
        String doubles = DOUBLE_QUOTE.matcher(text).replaceAll("\"");
        return SINGLE_QUOTE.matcher(doubles).replaceAll("'");
    }

    /** ftfy's {@code fix_line_breaks}: CRLF, CR, U+2028, U+2029 and U+0085 become {@code \n}. */
    public static String fixLineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u0085', '\n');
    }

    /**
     * ftfy's {@code fix_surrogates}. A Java string holds paired surrogates as the character they encode
     * already, so what is left are lone surrogates, which become U+FFFD.
     */
    public static String fixSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** ftfy's {@code remove_terminal_escapes}: drops ANSI escape sequences. */
    public static String removeTerminalEscapes(String text) {
        return ANSI_ESCAPE.matcher(text).replaceAll("");
    }

    /**
     * ftfy's {@code remove_control_chars}: drops C0 controls other than tab, line feed, form feed and carriage
     * return, DEL, the deprecated format characters U+206A-U+206F, the byte-order mark and the interlinear
     * annotation characters U+FFF9-U+FFFC.
     */
    public static String removeControlChars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRemovedControl(c)) {
                out.append(c);
            }
        }
        return out.length() == text.length() ? text : out.toString();
    }

    private static boolean isRemovedControl(char c) {
        return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F)
                || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
    }

    private static String translate(String text, Map<Character, String> table) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = table.get(text.charAt(i));
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(text.charAt(i)));
            }
        }
        return out == null ? text : out.toString();
    }

    private static Map<Character, String> widthMap() {
        Map<Character, String> map = new HashMap<>();
        map.put('\u3000', " ");
        for (char c = '\uFF01'; c < '\uFFF0'; c++) {
            String alternate = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            if (!alternate.equals(String.valueOf(c))) {
                map.put(c, alternate);
            }
        }
        return Map.copyOf(map);
    }

    private static Map<String, String> ftfyEntities() {
        Map<String, String> entities = new HashMap<>();
        for (String name : HtmlEntities.names()) {
            if (!name.endsWith(";")) {
                continue;
            }
            String text = HtmlEntities.byName(name);
            entities.put("&" + name, text);
            // An upper-cased name is decoded too, unless it means something else in HTML5 already.
            if (name.equals(name.toLowerCase(Locale.ROOT))) {
                String upper = "&" + name.toUpperCase(Locale.ROOT);
                if (HtmlEntities.unescape(upper).equals(upper)) {
                    entities.put(upper, text.toUpperCase(Locale.ROOT));
                }
            }
        }
        return Map.copyOf(entities);
    }
}
