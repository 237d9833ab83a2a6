package io.invoke4j.host.generate;

import java.util.Arrays;

/**
 * scikit-image's {@code match_histograms} for one channel: each distinct value of the source is replaced by the
 * reference's value at the same quantile. The quantile of a value is the share of samples at or below it; the
 * reference's value at a quantile is interpolated linearly between the quantiles of its own distinct values
 * (numpy's {@code interp}, which holds the first and last value outside them), so the largest source value always
 * becomes the largest reference value.
 */
final class HistogramMatching {
    private HistogramMatching() {
    }

    /** Distinct values, ascending, and the quantile of each. */
    private record Quantiles(double[] values, double[] quantiles) {
        static Quantiles of(double[] samples) {
            double[] sorted = samples.clone();
            Arrays.sort(sorted);
            double[] values = new double[sorted.length];
            double[] quantiles = new double[sorted.length];
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (distinct == 0 || Double.compare(sorted[i], values[distinct - 1]) != 0) {
                    distinct++;
                }
                values[distinct - 1] = sorted[i];
                quantiles[distinct - 1] = (double) (i + 1) / sorted.length;
            }
            return new Quantiles(Arrays.copyOf(values, distinct), Arrays.copyOf(quantiles, distinct));
        }

        /** numpy's {@code interp(q, quantiles, values)}. */
        double valueAt(double q) {
            if (q <= quantiles[0]) {
                return values[0];
            }
            int last = quantiles.length - 1;
            if (q >= quantiles[last]) {
                return values[last];
            }
            int at = Arrays.binarySearch(quantiles, q);
            if (at >= 0) {
                return values[at];
            }
            int above = -at - 1;
            int below = above - 1;
            double slope = (values[above] - values[below]) / (quantiles[above] - quantiles[below]);
            return values[below] + slope * (q - quantiles[below]);
        }
    }

    /**
     * @param source    the channel to change (not changed itself)
     * @param reference the channel whose distribution it takes; any length but 0
     * @return the source with each value mapped to the reference's value at its quantile
     */
    static double[] match(double[] source, double[] reference) {
        if (source.length == 0 || reference.length == 0) {
            throw new IllegalArgumentException("histogram matching needs samples on both sides");
        }
        Quantiles from = Quantiles.of(source);
        Quantiles to = Quantiles.of(reference);
        double[] mapped = new double[from.values().length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = to.valueAt(from.quantiles()[i]);
        }
        double[] out = new double[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mapped[Arrays.binarySearch(from.values(), source[i])];
        }
        return out;
    }
}
