package io.invoke4j.host.output;

import java.util.Map;

/**
 * The name AUTOMATIC1111's web UI shows for an InvokeAI sampler ({@code k_euler_a} is {@code Euler a}), and back.
 */
final class A1111SamplerName {
    private static final String KARRAS_SUFFIX = "_karras";
    private static final String KARRAS_WORD = " Karras";

    private static final Map<String, String> DISPLAY_NAMES = Map.ofEntries(
            Map.entry("ddim", "DDIM"),
            Map.entry("plms", "PLMS"),
            Map.entry("k_lms", "LMS"),
            Map.entry("k_euler", "Euler"),
            Map.entry("k_euler_a", "Euler a"),
            Map.entry("k_heun", "Heun"),
            Map.entry("k_dpm_2", "DPM2"),
            Map.entry("k_dpm_2_a", "DPM2 a"),
            Map.entry("k_dpmpp_2", "DPM++ 2M"),
            Map.entry("k_dpmpp_2_a", "DPM++ 2S a"),
            Map.entry("k_dpmpp_sde", "DPM++ SDE"));

    private A1111SamplerName() {
    }

    /** The A1111 name; a sampler A1111 has no name for keeps its InvokeAI name. */
    static String of(String invokeSampler) {
        if (invokeSampler.endsWith(KARRAS_SUFFIX)) {
            String base = invokeSampler.substring(0, invokeSampler.length() - KARRAS_SUFFIX.length());
            if (DISPLAY_NAMES.containsKey(base)) {
                return DISPLAY_NAMES.get(base) + KARRAS_WORD;
            }
        }
        return DISPLAY_NAMES.getOrDefault(invokeSampler, invokeSampler);
    }

    /**
     * The InvokeAI name of an A1111 sampler ({@code Euler a} is {@code k_euler_a}, {@code DPM++ 2M Karras} is
     * {@code k_dpmpp_2_karras}). A1111 from 1.9 names the schedule apart ({@code Sampler: DPM++ 2M, Schedule type:
     * Karras}), which comes to the same {@code _karras} name. A name with no InvokeAI twin ({@code UniPC}) comes
     * back as it is, so that the command shows it and {@code -A} refuses it in one line, rather than another
     * sampler running silently.
     *
     * @param scheduleType A1111's {@code Schedule type} field, or {@code null}
     */
    static String toInvoke(String a1111Name, String scheduleType) {
        String name = a1111Name.strip();
        boolean karras = name.endsWith(KARRAS_WORD) || "Karras".equals(scheduleType);
        String base = name.endsWith(KARRAS_WORD) ? name.substring(0, name.length() - KARRAS_WORD.length()) : name;
        for (Map.Entry<String, String> entry : DISPLAY_NAMES.entrySet()) {
            if (entry.getValue().equals(base)) {
                // DDIM and PLMS have no Karras twin: their schedule is the model's
                boolean kSampler = entry.getKey().startsWith("k_");
                return karras && kSampler ? entry.getKey() + KARRAS_SUFFIX : entry.getKey();
            }
        }
        return name;
    }
}
