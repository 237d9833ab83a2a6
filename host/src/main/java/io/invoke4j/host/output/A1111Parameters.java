package io.invoke4j.host.output;

import io.invoke4j.host.command.PythonFloat;
import io.invoke4j.host.prompt.NegativePrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * AUTOMATIC1111's {@code parameters} chunk ("infotext"), so that A1111 and the tools built on its format read
 * invoke4j images:
 * <pre>
 * a cat
 * Negative prompt: blurry
 * Steps: 50, Sampler: LMS, CFG scale: 7.5, Seed: 42, Size: 512x512, Model hash: 0123456789, Model: sd-1.5
 * </pre>
 */
final class A1111Parameters {
    /* A1111 records the first ten hex digits of the sha256 (its "shorthash"). */
    private static final int SHORT_HASH_LENGTH = 10;

    private A1111Parameters() {
    }

    /** The infotext of {@code record}; its prompt's {@code [...]} groups become the negative prompt line. */
    static String infotext(ImageRecord record) {
        NegativePrompt prompt = NegativePrompt.of(record.prompt());
        StringBuilder text = new StringBuilder(prompt.positive().strip());
        String negative = prompt.negative().strip();
        if (!negative.isEmpty()) {
            text.append("\nNegative prompt: ").append(negative);
        }
        text.append('\n').append(String.join(", ", settings(record)));
        return text.toString().strip(); // A1111 strips its infotext as a whole
    }

    private static List<String> settings(ImageRecord record) {
        List<String> settings = new ArrayList<>();
        settings.add("Steps: " + record.steps());
        settings.add("Sampler: " + A1111SamplerName.of(record.sampler()));
        settings.add("CFG scale: " + PythonFloat.format(record.cfgScale()));
        settings.add("Seed: " + record.seed());
        settings.add("Size: " + record.width() + "x" + record.height());
        if (record.modelHash() != null) {
            String hash = record.modelHash();
            settings.add("Model hash: " + hash.substring(0, Math.min(SHORT_HASH_LENGTH, hash.length())));
        }
        if (record.modelId() != null) {
            settings.add("Model: " + record.modelId());
        }
        if (record.img2img() != null) {
            settings.add("Denoising strength: " + PythonFloat.format(record.img2img().strength()));
        }
        return settings;
    }
}
