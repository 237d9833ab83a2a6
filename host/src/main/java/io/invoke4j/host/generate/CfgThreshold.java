package io.invoke4j.host.generate;

/**
 * {@code --threshold T}: InvokeAI 2.2.5's {@code cfg_apply_threshold} as its k-sampler {@code CFGDenoiser} applies
 * it to every guided prediction (generation-semantics.md section 4.3).
 *
 * <p>When the prediction's maximum is above the effective bound t, values are clamped from above at
 * {@code min(max(1, 0.7 * max), t)}; when its minimum is below {@code -t}, from below at
 * {@code max(min(-1, 0.7 * min), -t)}; a prediction inside {@code [-t, t]} is left alone. The bound ramps up
 * over a warm-up counted in model calls (so a two-call Heun step advances it twice): with
 * {@code warmupMax = max(0.8 S, S - 10)} for S steps and a counter starting at {@code max(warmupMax / 10, 1)},
 * {@code t = min(T, max(1, 1 + (T - 1) * counter / warmupMax))} while the counter is below {@code warmupMax}
 * (the counter then goes up by one), and T afterwards.
 *
 * <p>One per image: it counts the calls. Allocates nothing per call.
 */
public final class CfgThreshold {
    private static final double SCALE = 0.7;

    private final double threshold;
    private final double warmupMax;
    private double warmup;

    /**
     * @param threshold T, 0 for none (the warm-up is counted all the same, as in InvokeAI)
     * @param steps     S, the sampling steps of the image
     */
    public CfgThreshold(double threshold, int steps) {
        this.threshold = threshold;
        this.warmupMax = Math.max(0.8 * steps, steps - 10);
        this.warmup = Math.max(warmupMax / 10, 1);
    }

    /** The bound of the next call, which counts that call. */
    double nextBound() {
        double bound;
        if (warmup < warmupMax) {
            bound = Math.max(1, 1 + (threshold - 1) * (warmup / warmupMax));
            warmup++;
        } else {
            bound = threshold;
        }
        return Math.min(bound, threshold);
    }

    /** Counts one model call and clamps its guided prediction, the first {@code size} values of {@code values}. */
    public void apply(float[] values, int size) {
        double bound = nextBound();
        if (bound <= 0) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
            min = Math.min(min, values[i]);
        }
        if (max < bound && min > -bound) {
            return;
        }
        double upper = max > bound ? Math.min(Math.max(1, SCALE * max), bound) : max;
        double lower = min < -bound ? Math.max(Math.min(-1, SCALE * min), -bound) : min;
        // torch.clamp takes the bounds as the tensor's float
        float hi = (float) upper;
        float lo = (float) lower;
        for (int i = 0; i < size; i++) {
            values[i] = Math.min(Math.max(values[i], lo), hi);
        }
    }
}
