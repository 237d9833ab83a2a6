package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.Latents;
import java.util.ArrayList;
import java.util.List;

/**
 * The toy models the reference traces ran on, in torch's float32 operation order, recording every call:
 * {@code denoised = ((x / (1 + s*s)) * 0.9) + (0.1 * tanh(x))} for the k-diffusion samplers and
 * {@code eps = 0.05 * x + 0.01 * (t / 1000)} for DDIM and PLMS.
 */
final class ToyModel implements Denoiser {
    private final List<Float> denoiseSigmas = new ArrayList<>();
    private final List<Integer> noiseTimesteps = new ArrayList<>();

    @Override
    public void denoise(Latents x, float sigma, Latents out) {
        assertNotSame(x, out, "the denoiser's output must not be its input");
        denoiseSigmas.add(sigma);
        float[] in = x.data();
        float[] result = out.data();
        float scale = 1f + sigma * sigma;
        for (int i = 0; i < in.length; i++) {
            result[i] = ((in[i] / scale) * 0.9f) + (0.1f * (float) Math.tanh(in[i]));
        }
    }

    @Override
    public void predictNoise(Latents x, int timestep, Latents out) {
        assertNotSame(x, out, "the noise prediction must not overwrite its input");
        noiseTimesteps.add(timestep);
        float[] in = x.data();
        float[] result = out.data();
        float shift = 0.01f * ((float) timestep / 1000f);
        for (int i = 0; i < in.length; i++) {
            result[i] = 0.05f * in[i] + shift;
        }
    }

    /** The sigma of every {@link #denoise} call, in order. */
    float[] denoiseSigmas() {
        float[] sigmas = new float[denoiseSigmas.size()];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = denoiseSigmas.get(i);
        }
        return sigmas;
    }

    /** The timestep of every {@link #predictNoise} call, in order. */
    int[] noiseTimesteps() {
        return noiseTimesteps.stream().mapToInt(Integer::intValue).toArray();
    }
}
