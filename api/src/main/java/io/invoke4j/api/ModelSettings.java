package io.invoke4j.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings of a model catalogue entry ({@code configs/models.yaml}) that a front end may show and change
 * ({@code !import_model}, {@code !edit_model}): the fields InvokeAI's questions ask. An entry's other fields
 * (engine, precision, sampler, ...) are the host's and are kept as they are.
 *
 * @param name        the entry's name, as {@code --model} and {@code !switch} take it: letters, digits and
 *                    {@code . _ -} ({@link #isValidName})
 * @param description shown by {@code !models}; empty for none
 * @param path        the model's folder; a relative path is relative to the working directory
 * @param width       the default {@code -W}, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * @param height      the default {@code -H}, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * @param isDefault   whether this is the entry used when {@code --model} is absent (only one entry is)
 * @throws IllegalArgumentException for a name or a size outside those rules
 */
public record ModelSettings(String name, String description, Path path, int width, int height, boolean isDefault) {

    /** The smallest default width or height, InvokeAI's bound. */
    public static final int MIN_SIZE = 64;
    /** The largest default width or height, InvokeAI's bound. */
    public static final int MAX_SIZE = 2048;
    /** InvokeAI's rule for a model name; {@code \w} as Python reads it, letters of any script. */
    private static final Pattern NAME = Pattern.compile("[\\w._-]+", Pattern.UNICODE_CHARACTER_CLASS);

    public ModelSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(path, "path");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("model name '" + name
                    + "' must contain only words, digits and the characters [._-]");
        }
        if (!isValidSize(width) || !isValidSize(height)) {
            throw new IllegalArgumentException("model size " + width + "x" + height + " is not between "
                    + MIN_SIZE + " and " + MAX_SIZE);
        }
    }

    /** Whether {@code name} may name an entry: letters, digits and the characters {@code . _ -}, at least one. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether {@code pixels} may be a default width or height. */
    public static boolean isValidSize(int pixels) {
        return pixels >= MIN_SIZE && pixels <= MAX_SIZE;
    }
}
