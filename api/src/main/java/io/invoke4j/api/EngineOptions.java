package io.invoke4j.api;

/**
 * How an {@link InferenceEngine} should open a model.
 *
 * @param device          {@code "cpu"}, {@code "cuda"}, {@code "cuda:1"}, or {@code "auto"} (the engine's best
 *                        available device), as {@link Device#parse} reads it
 * @param precision       {@code "auto"}, {@code "float32"} or {@code "float16"}: a hint for engines that can cast
 *                        a model; the model file's own dtypes always win
 * @param threads         intra-op threads, or 0 to let the engine decide
 * @param circularPadding every padded 2-D convolution pads circularly (wrap-around) instead of with zeros, on
 *                        both spatial axes, so images made with the model tile ({@code --seamless}); convolutions
 *                        without padding are unchanged
 */
public record EngineOptions(String device, String precision, int threads, boolean circularPadding) {

    /** Options with zero padding, as the model was trained. */
    public EngineOptions(String device, String precision, int threads) {
        this(device, precision, threads, false);
    }

    /** CPU (or the best device), the model's own precision, engine-chosen threads. */
    public static EngineOptions defaults() {
        return new EngineOptions("auto", "auto", 0);
    }

    /** These options with circular padding on or off. */
    public EngineOptions withCircularPadding(boolean circular) {
        return new EngineOptions(device, precision, threads, circular);
    }
}
