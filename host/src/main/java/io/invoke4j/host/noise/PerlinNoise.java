package io.invoke4j.host.noise;

/**
 * {@code --perlin}: InvokeAI 2.2.5's {@code get_perlin_noise} and {@code rand_perlin_2d} ({@code ldm/util.py}), in
 * torch's float32 arithmetic, drawing from torch's CPU generator as InvokeAI does (generation-semantics.md
 * section 1).
 *
 * <p>Per latent channel, with the latent's h x w rounded up to multiples of 8 (InvokeAI 2.1+; 2.0 failed on other
 * sizes) and cropped back afterwards: {@code torch.rand(9, 9)} gives gradient angles {@code 2 pi u} on an 8 x 8
 * lattice (9 x 9 corners); each cell is {@code h/8 x w/8} pixels at fractional positions {@code (i*8/h) % 1}; a
 * pixel's value is {@code sqrt(2)} times the lerp, by the fade {@code 6t^5 - 15t^4 + 10t^3} of its position, of
 * the dot products of its offset to each of the cell's four corners with that corner's gradient. The first index
 * is the row (y), the second the column (x), as torch's {@code meshgrid(indexing='ij')}.
 *
 * <p>The start noise then becomes {@code (1 - p) * x + p * perlin} ({@link #blend}).
 */
public final class PerlinNoise {
    /** The lattice: InvokeAI's {@code res=(8, 8)}. */
    static final int RES = 8;
    /** torch's AVX2 {@code Vectorized<float>} width, which decides how {@code arange} rounds its values. */
    private static final int VECTOR = 8;

    private PerlinNoise() {
    }

    /**
     * Replaces {@code x} (one image's start noise, {@code channels x h x w}) by {@code (1 - p) * x + p * P}, where P
     * is one {@link #channel} per latent channel, drawn from {@code generator} in channel order.
     */
    public static void blend(float[] x, int channels, int h, int w, double p, TorchGenerator generator) {
        if (x.length != channels * h * w) {
            throw new IllegalArgumentException(x.length + " values are not " + channels + "x" + h + "x" + w);
        }
        // torch multiplies a float tensor by a Python float in float32
        float keep = (float) (1 - p);
        float weight = (float) p;
        for (int c = 0; c < channels; c++) {
            float[] perlin = channel(h, w, generator);
            int offset = c * h * w;
            for (int i = 0; i < h * w; i++) {
                x[offset + i] = keep * x[offset + i] + weight * perlin[i];
            }
        }
    }

    /** One channel of Perlin noise of {@code h x w} values (row-major), drawing 81 uniforms from {@code generator}. */
    static float[] channel(int h, int w, TorchGenerator generator) {
        int paddedH = (h + RES - 1) / RES * RES;
        int paddedW = (w + RES - 1) / RES * RES;
        float[] uniforms = new float[(RES + 1) * (RES + 1)];
        generator.rand(uniforms);
        return channel(paddedH, paddedW, uniforms, h, w);
    }

    /**
     * {@code rand_perlin_2d((paddedH, paddedW), (8, 8))} over the given {@code torch.rand(9, 9)} values, cropped to
     * {@code h x w}.
     */
    static float[] channel(int paddedH, int paddedW, float[] uniforms, int h, int w) {
        int corners = RES + 1;
        float[] gradX = new float[corners * corners];
        float[] gradY = new float[corners * corners];
        float twoPi = (float) (2 * Math.PI);
        for (int i = 0; i < uniforms.length; i++) {
            float angle = twoPi * uniforms[i];
            gradX[i] = (float) Math.cos(angle);
            gradY[i] = (float) Math.sin(angle);
        }
        float[] fracY = fractions(paddedH);
        float[] fracX = fractions(paddedW);
        int cellH = paddedH / RES;
        int cellW = paddedW / RES;
        float sqrt2 = (float) Math.sqrt(2);
        float[] out = new float[h * w];
        for (int i = 0; i < h; i++) {
            float y = fracY[i];
            float ty = fade(y);
            int row = i / cellH;
            for (int j = 0; j < w; j++) {
                float x = fracX[j];
                float tx = fade(x);
                int col = j / cellW;
                int g00 = row * corners + col;
                int g10 = (row + 1) * corners + col;
                int g01 = row * corners + col + 1;
                int g11 = (row + 1) * corners + col + 1;
                // the first grid coordinate goes with the first gradient component, the row with the y axis
                float n00 = y * gradX[g00] + x * gradY[g00];
                float n10 = (y - 1) * gradX[g10] + x * gradY[g10];
                float n01 = y * gradX[g01] + (x - 1) * gradY[g01];
                float n11 = (y - 1) * gradX[g11] + (x - 1) * gradY[g11];
                out[i * w + j] = sqrt2 * lerp(lerp(n00, n10, ty), lerp(n01, n11, ty), tx);
            }
        }
        return out;
    }

    /**
     * {@code torch.arange(0, 8, 8 / size) % 1} in float32. torch computes the step in double and each vector of 8
     * from a float base; the scalar tail past the last full pair of vectors directly in double.
     */
    static float[] fractions(int size) {
        double step = (double) RES / size;
        float[] out = new float[size];
        int vectorEnd = size - size % (2 * VECTOR);
        for (int i = 0; i < size; i++) {
            float value;
            if (i < vectorEnd) {
                int base = i - i % VECTOR;
                float baseValue = (float) (step * base);
                value = (float) (baseValue + (i - base) * step);
            } else {
                value = (float) (step * i);
            }
            out[i] = value - (float) Math.floor(value);
        }
        return out;
    }

    /**
     * {@code 6t^5 - 15t^4 + 10t^3} as torch evaluates it on a float tensor, left to right: {@code t**3} as
     * {@code t*t*t}, the other powers by {@code powf}.
     */
    static float fade(float t) {
        float t3 = t * t * t;
        float t4 = (float) Math.pow(t, 4);
        float t5 = (float) Math.pow(t, 5);
        return 6 * t5 - 15 * t4 + 10 * t3;
    }

    /** torch's {@code lerp}: from the nearer end, so that weight 1 gives {@code end} exactly. */
    static float lerp(float start, float end, float weight) {
        return Math.abs(weight) < 0.5f ? start + weight * (end - start) : end - (end - start) * (1 - weight);
    }
}
