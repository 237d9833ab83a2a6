package io.invoke4j.api;

/**
 * How an {@link InferenceEngine} should open a model.
 *
 * @param device    {@code "cpu"}, {@code "cuda"}, {@code "cuda:1"}, or {@code "auto"} (the engine's best
 *                  available device)
 * @param precision {@code "auto"}, {@code "float32"} or {@code "float16"}: a hint for engines that can cast
 *                  a model; the model file's own dtypes always win
 * @param threads   intra-op threads, or 0 to let the engine decide
 */
public record EngineOptions(String device, String precision, int threads) {

    /** CPU (or the best device), the model's own precision, engine-chosen threads. */
    public static EngineOptions defaults() {
        return new EngineOptions("auto", "auto", 0);
    }
}
