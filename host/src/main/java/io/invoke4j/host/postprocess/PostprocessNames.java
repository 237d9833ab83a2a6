package io.invoke4j.host.postprocess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InvokeAI's {@code choose_postprocess_name}: {@code {prefix}.{seed}.{modifier}.png}, then
 * {@code {prefix}.{seed}.{modifier}-01.png}, ..., the first that does not exist in the output folder. So a
 * post-processed file never replaces another one, nor its source.
 */
public final class PostprocessNames {
    /** InvokeAI's {@code ^([^.]+)\.} on the source's file name. */
    private static final Pattern PREFIX = Pattern.compile("^([^.]+)\\.");

    private PostprocessNames() {
    }

    /** @param modifier the tool ({@code gfpgan}, {@code upscale}, {@code embiggen}) or {@code postprocessed} */
    public static String next(Path dir, String prefix, long seed, String modifier) {
        String name = prefix + "." + seed + "." + modifier + ".png";
        for (int k = 1; Files.exists(dir.resolve(name)); k++) {
            name = prefix + "." + seed + "." + modifier + String.format(Locale.ROOT, "-%02d", k) + ".png";
        }
        return name;
    }

    /** The source's prefix: its name up to the first dot (the whole name when it has none). */
    static String prefixOf(Path source) {
        String name = source.getFileName().toString();
        Matcher m = PREFIX.matcher(name);
        return m.find() ? m.group(1) : name;
    }
}
