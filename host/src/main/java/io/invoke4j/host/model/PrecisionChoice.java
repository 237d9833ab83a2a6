package io.invoke4j.host.model;

import io.invoke4j.host.config.ModelEntry;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The weights {@code --precision} picks from an entry: {@code float32}/{@code float16} the folder of that
 * precision among the entry's own and its {@code variants}; {@code auto} (and {@code autocast}) float16 on CUDA
 * as InvokeAI does, and elsewhere the entry's own weights (InvokeAI's float32 on the CPU would silently swap a
 * float16 entry for another model's files).
 *
 * @param folder    the folder to open
 * @param precision {@code float32} or {@code float16}: the precision of {@code folder}'s weights
 * @param notice    a line for the user when the precision asked for is not there, so another is used
 */
public record PrecisionChoice(Path folder, String precision, Optional<String> notice) {

    /**
     * @param requested {@code auto}, {@code float32}, {@code float16} or {@code autocast} ({@code null}: auto)
     * @param device    {@code --device}: {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
     */
    public static PrecisionChoice of(ModelEntry entry, String requested, String device) {
        String asked = requested == null ? "auto" : requested.toLowerCase(Locale.ROOT);
        boolean explicit = asked.equals("float32") || asked.equals("float16");
        String own = entry.precision().equals("auto") ? "float32" : entry.precision();
        // auto: float16 on CUDA, as InvokeAI; elsewhere the weights the entry names, which its author chose
        String wanted = explicit ? asked : onCuda(device) ? "float16" : own;
        if (own.equals(wanted)) {
            return new PrecisionChoice(entry.path(), own, Optional.empty());
        }
        Path variant = entry.variants().get(wanted);
        if (variant != null) {
            return new PrecisionChoice(variant, wanted, Optional.empty());
        }
        // without a variant the entry's own weights run; say so only when the user asked for the other one
        Optional<String> notice = explicit
                ? Optional.of(">> " + entry.name() + " has no " + wanted + " weights in models.yaml (variants:): using its "
                        + own + " weights")
                : Optional.empty();
        return new PrecisionChoice(entry.path(), own, notice);
    }

    private static boolean onCuda(String device) {
        return device != null && device.toLowerCase(Locale.ROOT).startsWith("cuda");
    }

    /** InvokeAI's line for the precision in use. */
    public String usingLine() {
        return precision.equals("float16") ? ">> Using faster float16 precision" : ">> Using more accurate float32 precision";
    }
}
