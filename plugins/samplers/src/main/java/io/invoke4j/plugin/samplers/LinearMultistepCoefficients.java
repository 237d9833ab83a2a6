package io.invoke4j.plugin.samplers;

/**
 * The weights of k-diffusion's linear multistep method ({@code linear_multistep_coeff}): the weight of the
 * derivative {@code j} steps back at step {@code i} is the integral over {@code [sigma_i, sigma_i+1]} of the
 * Lagrange basis polynomial of node {@code sigma_(i-j)} over the nodes {@code sigma_i, ..., sigma_(i-order+1)}.
 *
 * <p>k-diffusion integrates it with scipy's {@code quad}, which is exact for these polynomials up to rounding;
 * here the polynomial is expanded and integrated in closed form, in double. As in k-diffusion, where the
 * sigmas are a float32 numpy array, the node differences in the denominators are float32 differences.
 */
final class LinearMultistepCoefficients {

    private LinearMultistepCoefficients() {
    }

    /**
     * All weights a run of {@code sigmas.length - 1} steps needs, computed before the loop:
     * {@code table[i][j]} for {@code j < min(i + 1, maxOrder)}, rounded to float as torch rounds the Python
     * float when it multiplies a float32 tensor.
     */
    static float[][] table(float[] sigmas, int maxOrder) {
        float[][] table = new float[sigmas.length - 1][];
        for (int i = 0; i < table.length; i++) {
            int order = Math.min(i + 1, maxOrder);
            table[i] = new float[order];
            for (int j = 0; j < order; j++) {
                table[i][j] = (float) coefficient(order, sigmas, i, j);
            }
        }
        return table;
    }

    /** {@code linear_multistep_coeff(order, sigmas, i, j)}, in double. */
    static double coefficient(int order, float[] sigmas, int i, int j) {
        if (order - 1 > i) {
            throw new IllegalArgumentException("order " + order + " too high for step " + i);
        }
        // The basis polynomial as a power series in u = tau - sigma_i, so that the integral runs over [0, h]
        // and the large sigmas cancel before they are multiplied up.
        double[] series = new double[order];
        series[0] = 1;
        int degree = 0;
        for (int k = 0; k < order; k++) {
            if (k == j) {
                continue;
            }
            double denominator = sigmas[i - j] - sigmas[i - k]; // a float subtraction, as numpy's on float32
            double offset = (double) sigmas[i] - sigmas[i - k];
            // series *= (u + offset) / denominator
            for (int p = degree + 1; p >= 0; p--) {
                double shifted = p > 0 ? series[p - 1] : 0;
                double kept = p <= degree ? series[p] * offset : 0;
                series[p] = (shifted + kept) / denominator;
            }
            degree++;
        }
        double h = (double) sigmas[i + 1] - sigmas[i];
        double integral = 0;
        double power = h;
        for (int p = 0; p <= degree; p++) {
            integral += series[p] * power / (p + 1);
            power *= h;
        }
        return integral;
    }
}
