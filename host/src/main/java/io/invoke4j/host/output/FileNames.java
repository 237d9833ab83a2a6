package io.invoke4j.host.output;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.host.command.FormatFields;
import io.invoke4j.host.command.PythonFormat;
import java.util.function.Consumer;

/**
 * The file name of each image of one command, by its {@code --fnformat} pattern as InvokeAI 2.1+'s
 * {@code prepare_image_metadata} makes it: {@code pattern.format(prefix=..., seed=..., **options)}
 * ({@link FormatFields} lists the names), {@code {prefix}.{seed}.png} by default. A pattern naming an unknown key
 * prints InvokeAI's notice and the default is used. Grids and post-processed names ({@code !fix},
 * {@code --save_original}'s {@code .postprocessed.png}) keep their own rules, as in InvokeAI.
 *
 * <p>Unlike InvokeAI, the notice is printed once per command rather than once per image, and a pattern that cannot
 * name this command's files (a spec that does not suit its value, a name with a {@code /} or none at all) refuses
 * the command in one line before anything is rendered; in InvokeAI Python failed while saving the first image.
 */
public final class FileNames {
    /** InvokeAI's default {@code --fnformat}. */
    public static final String DEFAULT_FORMAT = "{prefix}.{seed}.png";

    private final String pattern;
    private final PythonFormat format;
    private final GenerationRequest request;
    private final String prefix;

    private FileNames(String pattern, GenerationRequest request, String prefix) {
        this.pattern = pattern;
        this.format = PythonFormat.parse(pattern);
        this.request = request;
        this.prefix = prefix;
    }

    /**
     * @param r       the request as it runs; its {@code fnformat} may be null (the default)
     * @param prefix  the command's counter ({@link ImageWriter#uniquePrefix})
     * @param notices where the unknown-key notice goes
     * @throws CommandException when the pattern cannot name this command's images
     */
    public static FileNames forCommand(GenerationRequest r, String prefix, Consumer<String> notices) {
        String pattern = r.fnformat() != null ? r.fnformat() : DEFAULT_FORMAT;
        FileNames names;
        try {
            names = new FileNames(pattern, r, prefix);
        } catch (IllegalArgumentException e) {
            throw refused(pattern, e.getMessage());
        }
        String unknown = names.format.fieldNames().stream().filter(key -> !FormatFields.NAMES.contains(key))
                .findFirst().orElse(null);
        if (unknown != null) {
            notices.accept("** The filename format contains an unknown key '" + unknown + "'. Will use '"
                    + DEFAULT_FORMAT + "' instead");
            names = new FileNames(DEFAULT_FORMAT, r, prefix);
        }
        // every image of the command formats the same values but its seed: a pattern that fails, fails now
        names.name(0);
        return names;
    }

    /**
     * The name of the image with this seed.
     *
     * @throws CommandException when the pattern does not give a file name
     */
    public String name(long seed) {
        String name;
        try {
            name = format.format(FormatFields.of(request, prefix, seed));
        } catch (IllegalArgumentException e) {
            throw refused(pattern, e.getMessage());
        }
        if (name.isEmpty() || ".".equals(name) || "..".equals(name)) {
            throw refused(pattern, "gives " + quoted(name) + ", which is not a file name");
        }
        for (char c : new char[] {'/', '\\', '\0'}) {
            if (name.indexOf(c) >= 0) {
                throw refused(pattern, "gives the file name " + quoted(name) + ", and a file name cannot contain "
                        + (c == '\0' ? "a NUL character" : "'" + c + "'"));
            }
        }
        return name;
    }

    private static CommandException refused(String pattern, String why) {
        return new CommandException("--fnformat " + quoted(pattern) + ": " + why);
    }

    private static String quoted(String text) {
        return "'" + text.replace("\0", "\\x00") + "'";
    }
}
