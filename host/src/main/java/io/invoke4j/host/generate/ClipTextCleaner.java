package io.invoke4j.host.generate;

import java.util.regex.Pattern;

/**
 * What openai's CLIP {@code SimpleTokenizer} does to a prompt before splitting it:
 * {@code whitespace_clean(basic_clean(text)).lower()}, that is ftfy's {@code fix_text}, Python's
 * {@code html.unescape} twice, {@code strip}, runs of whitespace to one space, {@code strip}, and Python's
 * {@code lower()} (see {@link PythonText}).
 */
final class ClipTextCleaner {

    /** The {@code regex} module's {@code \s}: Unicode White_Space, which Java's Unicode {@code \s} is too. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ClipTextCleaner() {
    }

    /** The text CLIP's regex sees. */
    static String clean(String text) {
        String fixed = TextFixer.fixText(text);
        fixed = HtmlEntities.unescape(HtmlEntities.unescape(fixed));
        fixed = PythonText.strip(fixed);
        fixed = WHITESPACE_RUN.matcher(fixed).replaceAll(" ");
        fixed = PythonText.strip(fixed);
        return PythonText.lower(fixed);
    }
}
