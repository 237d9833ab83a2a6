package io.invoke4j.host.generate;

/**
 * {@code torch.linspace} on the CPU with torch 1.13's rounding, so that schedules built on it land on the same
 * floats. torch fills from both ends ({@code start + step * i} for the first half, {@code end - step * (n - 1 - i)}
 * for the second) in runs of two vectors (2 x 8 floats, 2 x 4 doubles), then one by one for what is left. Only
 * the first lane of a vector and the leftovers are computed from an end, each as one fused multiply-add (the
 * compiler contracted them in torch's AVX2 build); the other lanes are {@code first + k * step}, rounded twice.
 * This rounding, inferred from the references, makes every karras sigma in them bit-exact; a textbook linspace is
 * off by up to 7e-7 relative.
 */
final class TorchLinspace {

    private static final int FLOAT_LANES = 8;
    private static final int DOUBLE_LANES = 4;

    private TorchLinspace() {
    }

    /** {@code torch.linspace(start, end, steps)} in float32. */
    static float[] floats(float start, float end, int steps) {
        float[] values = new float[steps];
        if (steps == 1) {
            values[0] = start;
        }
        if (steps <= 1) {
            return values;
        }
        float step = (end - start) / (steps - 1);
        int i = 0;
        for (; i + 2 * FLOAT_LANES <= steps; i += 2 * FLOAT_LANES) {
            for (int vector = 0; vector < 2; vector++) {
                int offset = i + vector * FLOAT_LANES;
                float first = fromNearerEnd(start, end, step, steps, offset);
                for (int lane = 0; lane < FLOAT_LANES; lane++) {
                    values[offset + lane] = first + lane * step;
                }
            }
        }
        for (; i < steps; i++) {
            values[i] = fromNearerEnd(start, end, step, steps, i);
        }
        return values;
    }

    /** {@code torch.linspace(start, end, steps, dtype=torch.float64)}. */
    static double[] doubles(double start, double end, int steps) {
        double[] values = new double[steps];
        if (steps == 1) {
            values[0] = start;
        }
        if (steps <= 1) {
            return values;
        }
        double step = (end - start) / (steps - 1);
        int i = 0;
        for (; i + 2 * DOUBLE_LANES <= steps; i += 2 * DOUBLE_LANES) {
            for (int vector = 0; vector < 2; vector++) {
                int offset = i + vector * DOUBLE_LANES;
                double first = fromNearerEnd(start, end, step, steps, offset);
                for (int lane = 0; lane < DOUBLE_LANES; lane++) {
                    values[offset + lane] = first + lane * step;
                }
            }
        }
        for (; i < steps; i++) {
            values[i] = fromNearerEnd(start, end, step, steps, i);
        }
        return values;
    }

    private static float fromNearerEnd(float start, float end, float step, int steps, int i) {
        return i < steps / 2 ? Math.fma(step, i, start) : Math.fma(-step, steps - 1 - i, end);
    }

    private static double fromNearerEnd(double start, double end, double step, int steps, int i) {
        return i < steps / 2 ? Math.fma(step, i, start) : Math.fma(-step, steps - 1 - i, end);
    }
}
