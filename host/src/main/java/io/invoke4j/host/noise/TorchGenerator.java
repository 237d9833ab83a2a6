package io.invoke4j.host.noise;

/**
 * torch 1.13's default CPU generator, bit for bit: {@code torch.manual_seed(s)} then {@code torch.randn} /
 * {@code torch.rand}, so a seed gives the same noise, and so the same image, as InvokeAI with CPU noise.
 * Not thread-safe: one generator per generation.
 */
public final class TorchGenerator {

    /** {@code torch.manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code torch.manual_seed(seed)}: only the low 32 bits count; clears the cached normal. */
    public void manualSeed(long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Fills {@code out} like {@code torch.randn(out.length)} (vectorised path from 16 values, scalar below). */
    public void randn(float[] out) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code torch.rand(n)} in float32. */
    public void rand(float[] out) {
        throw new UnsupportedOperationException("TODO");
    }
}
