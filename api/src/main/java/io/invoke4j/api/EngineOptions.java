package io.invoke4j.api;

/**
 * How an {@link InferenceEngine} should open a model.
 *
 * @param device          {@code "cpu"}, {@code "cuda"}, {@code "cuda:1"}, or {@code "auto"} (the engine's best
 *                        available device), as {@link Device#parse} reads it
 * @param precision       {@code "auto"}, {@code "float32"} or {@code "float16"}: a hint for engines that can cast
 *                        a model; the model file's own dtypes always win
 * @param threads         intra-op threads, or 0 to let the engine decide
 * @param circularX       every padded 2-D convolution pads circularly (wrap-around) instead of with zeros along
 *                        the width, so images made with the model tile left to right ({@code --seamless}, with
 *                        {@code --seamless_axes} naming x); convolutions without padding are unchanged
 * @param circularY       the same along the height: images tile top to bottom
 */
public record EngineOptions(String device, String precision, int threads, boolean circularX, boolean circularY) {

    /** Options with zero padding, as the model was trained. */
    public EngineOptions(String device, String precision, int threads) {
        this(device, precision, threads, false, false);
    }

    /** Whether any axis pads circularly. */
    public boolean circularPadding() {
        return circularX || circularY;
    }

    /** CPU (or the best device), the model's own precision, engine-chosen threads. */
    public static EngineOptions defaults() {
        return new EngineOptions("auto", "auto", 0);
    }

    /** These options with circular padding on or off, on both axes. */
    public EngineOptions withCircularPadding(boolean circular) {
        return withCircularAxes(circular, circular);
    }

    /** These options with circular padding along the width ({@code x}) and the height ({@code y}) as given. */
    public EngineOptions withCircularAxes(boolean x, boolean y) {
        return new EngineOptions(device, precision, threads, x, y);
    }
}
