package io.invoke4j.host.output;

import java.nio.charset.StandardCharsets;

/**
 * {@code --prompt_as_dir}'s sub-folder name for a prompt, as InvokeAI makes it: the prompt as typed with each of
 * {@code <>:"/\|?*} replaced by {@code _}, cut to the file-name limit, trailing spaces and dots stripped, then
 * cut so the longest image path still fits the path limit.
 */
public final class PromptDirectory {
    /** Linux's NAME_MAX and PATH_MAX, which InvokeAI reads with pathconf. */
    static final int NAME_MAX = 255;
    static final int PATH_MAX = 4096;
    /** {@code ######.##########.##########-##.png}, two separators and the C string's NUL. */
    private static final int LONGEST_FILE_NAME = 39;

    private PromptDirectory() {
    }

    /**
     * @param prompt      the command's prompt, with its weights and {@code [negative]} parts
     * @param outdirChars length of the output folder's absolute path
     * @return the sub-folder name; empty when nothing of the prompt is left
     */
    public static String of(String prompt, int outdirChars) {
        StringBuilder name = new StringBuilder();
        prompt.codePoints().forEach(c -> name.appendCodePoint("<>:\"/\\|?*".indexOf(c) >= 0 ? '_' : c));
        String cut = cut(name.toString(), NAME_MAX);
        int end = cut.length();
        while (end > 0 && (cut.charAt(end - 1) == ' ' || cut.charAt(end - 1) == '.')) {
            end--;
        }
        return cut(cut.substring(0, end), Math.max(0, PATH_MAX - LONGEST_FILE_NAME - outdirChars));
    }

    /**
     * The first {@code max} characters (code points, as Python counts them), shortened further if their UTF-8
     * form is longer than {@code max} bytes: the limits are in bytes, and a cut by characters alone would make
     * a long non-ASCII prompt's folder impossible to create.
     */
    private static String cut(String text, int max) {
        int chars = text.codePointCount(0, text.length());
        String head = chars <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
        while (head.getBytes(StandardCharsets.UTF_8).length > max) {
            head = head.substring(0, head.offsetByCodePoints(0, head.codePointCount(0, head.length()) - 1));
        }
        return head;
    }
}
