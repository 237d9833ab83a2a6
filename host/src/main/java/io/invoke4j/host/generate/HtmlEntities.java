package io.invoke4j.host.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML5 named character references and Python's {@code html.unescape} over them.
 *
 * <p>CLIP's tokenizer unescapes every prompt twice with Python's function, which, unlike Apache Commons
 * Text's {@code unescapeHtml4}, knows all 2231 HTML5 names (not just HTML 4's 253), decodes the 106 legacy
 * names without their {@code ;} ({@code "this&not that"} becomes {@code "this¬ that"}), takes the longest
 * legacy prefix of an unknown name ({@code "&notit;"} becomes {@code "¬it;"}) and maps numeric references
 * the way HTML5 does ({@code &#x80;} is the euro sign). The table is a resource generated from Python 3.11's
 * {@code html.entities.html5}.
 */
final class HtmlEntities {

    private static final String TABLE = "html5-entities.tsv";

    /** Python's {@code html._charref}. */
    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    private static final Map<String, String> BY_NAME = load();

    /** Python's {@code html._invalid_charrefs}: numbers HTML5 reads as windows-1252 (and two more). */
    private static final Map<Integer, String> INVALID_CHARREFS = invalidCharrefs();

    private HtmlEntities() {
    }

    /** The HTML5 reference names, with their {@code ;} where the name needs one. */
    static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The text of the reference {@code name} ({@code "amp;"}, {@code "not"}), or null if there is none. */
    static String byName(String name) {
        return BY_NAME.get(name);
    }

    /** Python's {@code html.unescape}. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = CHARREF.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replaceCharref(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replaceCharref(String ref) {
        if (ref.charAt(0) == '#') {
            boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
            String digits = stripTrailingSemicolons(ref.substring(hex ? 2 : 1));
            return numericCharref(new BigInteger(digits, hex ? 16 : 10));
        }
        String exact = BY_NAME.get(ref);
        if (exact != null) {
            return exact;
        }
        // HTML5 takes the longest known prefix (only the legacy names without ";" can be one).
        for (int end = ref.length() - 1; end > 1; end--) {
            String prefix = BY_NAME.get(ref.substring(0, end));
            if (prefix != null) {
                return prefix + ref.substring(end);
            }
        }
        return "&" + ref;
    }

    private static String numericCharref(BigInteger number) {
        if (number.bitLength() > 31 || number.intValue() > Character.MAX_CODE_POINT) {
            return "\uFFFD";
        }
        int cp = number.intValue();
        String special = INVALID_CHARREFS.get(cp);
        if (special != null) {
            return special;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return "\uFFFD";
        }
        if (isInvalidCodePoint(cp)) {
            return "";
        }
        return Character.toString(cp);
    }

    /** Python's {@code html._invalid_codepoints}: controls and noncharacters that a reference drops. */
    private static boolean isInvalidCodePoint(int cp) {
        return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String stripTrailingSemicolons(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ';') {
            end--;
        }
        return s.substring(0, end);
    }

    private static Map<Integer, String> invalidCharrefs() {
        Map<Integer, String> map = new HashMap<>();
        map.put(0x00, "\uFFFD");
        map.put(0x0D, "\r");
        // 0x80-0x9F are windows-1252, whose five unassigned bytes stay C1 controls.
        for (int b = 0x80; b <= 0x9F; b++) {
            char c = SingleByteCodec.SLOPPY_WINDOWS_1252.charOf(b);
            map.put(b, String.valueOf(c));
        }
        return Map.copyOf(map);
    }

    private static Map<String, String> load() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = HtmlEntities.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                StringBuilder text = new StringBuilder();
                for (String hex : line.substring(tab + 1).split(" ")) {
                    text.appendCodePoint(Integer.parseInt(hex, 16));
                }
                table.put(line.substring(0, tab), text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
