package io.invoke4j.host.output;

/**
 * What is recorded about one generated image: the values of InvokeAI's {@code sd-metadata}, the canonical
 * command of the {@code Dream} chunk, and what A1111's {@code parameters} chunk needs.
 *
 * @param prompt    the prompt as typed (with {@code [negative]} parts and weights)
 * @param seed      the image seed
 * @param steps     {@code -s}
 * @param cfgScale  {@code -C}
 * @param width     {@code -W} as typed (or the model default)
 * @param height    {@code -H} as typed (or the model default)
 * @param sampler   sampler name ({@code k_lms})
 * @param modelId   the {@code --model} value, or {@code null} when the default model was used
 * @param modelHash sha256 hex of the model (see {@code ModelHash}), or {@code null} if unknown
 * @param command   the canonical command string (the {@code Dream} chunk and the log line)
 */
public record ImageRecord(
        String prompt,
        long seed,
        int steps,
        double cfgScale,
        int width,
        int height,
        String sampler,
        String modelId,
        String modelHash,
        String command) {
}
