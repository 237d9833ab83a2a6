package io.invoke4j.host.output;

import java.util.Map;

/** The name AUTOMATIC1111's web UI shows for an InvokeAI sampler ({@code k_euler_a} is {@code Euler a}). */
final class A1111SamplerName {
    private static final String KARRAS_SUFFIX = "_karras";

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
            Map.entry("k_dpmpp_2_a", "DPM++ 2S a"));

    private A1111SamplerName() {
    }

    /** The A1111 name; a sampler A1111 has no name for keeps its InvokeAI name. */
    static String of(String invokeSampler) {
        if (invokeSampler.endsWith(KARRAS_SUFFIX)) {
            String base = invokeSampler.substring(0, invokeSampler.length() - KARRAS_SUFFIX.length());
            if (DISPLAY_NAMES.containsKey(base)) {
                return DISPLAY_NAMES.get(base) + " Karras";
            }
        }
        return DISPLAY_NAMES.getOrDefault(invokeSampler, invokeSampler);
    }
}
