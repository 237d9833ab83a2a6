package io.invoke4j.host.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt split into what is wanted and the text of its {@code [...]} groups (InvokeAI's negative prompt,
 * command-language.md §5.1): {@code a cat [dog] [blurry]} gives positive {@code a cat } and negative
 * {@code dog blurry}. Groups do not nest: the first {@code ]} closes a group.
 *
 * @param positive the prompt with every group replaced by one space and runs of spaces collapsed; the prompt
 *                 unchanged when it has no group
 * @param negative the groups' texts joined with single spaces; empty when there are none
 */
public record NegativePrompt(String positive, String negative) {

    /* Python's '.' stops at '\n' only; UNIX_LINES makes Java's do the same. */
    private static final Pattern GROUP = Pattern.compile("\\[(.*?)\\]", Pattern.UNIX_LINES);

    /** Splits {@code prompt} as InvokeAI's {@code get_uc_and_c} does. */
    public static NegativePrompt of(String prompt) {
        List<String> groups = new ArrayList<>();
        Matcher matcher = GROUP.matcher(prompt);
        while (matcher.find()) {
            groups.add(matcher.group(1));
        }
        if (groups.isEmpty()) {
            return new NegativePrompt(prompt, "");
        }
        String positive = GROUP.matcher(prompt).replaceAll(" ").replaceAll(" +", " ");
        return new NegativePrompt(positive, String.join(" ", groups));
    }
}
