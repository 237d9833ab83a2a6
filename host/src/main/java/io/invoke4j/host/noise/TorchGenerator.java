package io.invoke4j.host.noise;

/**
 * torch 1.13's default CPU generator, bit for bit: {@code torch.manual_seed(s)} then {@code torch.randn} /
 * {@code torch.rand}, so a seed gives the same noise, and so the same image, as InvokeAI with CPU noise.
 * Not thread-safe: one generator per generation.
 *
 * <p>The normals are those of an x86-64 CPU with AVX2 (see {@link Avx2BoxMuller}); torch without AVX2 (ARM, Apple
 * Silicon) gives values that differ in the last bits.
 */
public final class TorchGenerator {

    private static final float FLOAT_UNIT = 0x1.0p-24f;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final long LOW_53_BITS = (1L << 53) - 1;

    private final Mt19937 engine = new Mt19937();
    /** The second normal of the scalar path's last Box-Muller pair, waiting for the next scalar draw. */
    private double cachedNormal;
    private boolean hasCachedNormal;

    /** {@code torch.manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        manualSeed(seed);
    }

    /** {@code torch.manual_seed(seed)}: only the low 32 bits count; clears the cached normal. */
    public void manualSeed(long seed) {
        engine.initGenrand((int) seed);
        hasCachedNormal = false;
    }

    /**
     * Fills {@code out} like {@code torch.randn(out.length)} (vectorised path from 16 values, scalar below).
     * Allocates nothing: the uniforms are drawn into {@code out} and transformed in place, as torch does.
     */
    public void randn(float[] out) {
        if (out.length < Avx2BoxMuller.BLOCK) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) nextScalarNormal();
            }
            return;
        }
        fillUniforms(out, 0, out.length);
        int fullBlocksEnd = out.length - out.length % Avx2BoxMuller.BLOCK;
        for (int offset = 0; offset < fullBlocksEnd; offset += Avx2BoxMuller.BLOCK) {
            Avx2BoxMuller.transformBlock(out, offset);
        }
        if (fullBlocksEnd != out.length) {
            // torch redoes the ragged end as one whole block of fresh uniforms over the last 16 slots,
            // overwriting normals it has already written there
            int tailOffset = out.length - Avx2BoxMuller.BLOCK;
            fillUniforms(out, tailOffset, Avx2BoxMuller.BLOCK);
            Avx2BoxMuller.transformBlock(out, tailOffset);
        }
    }

    /** {@code torch.rand(n)} in float32. */
    public void rand(float[] out) {
        fillUniforms(out, 0, out.length);
    }

    /** {@code torch.rand(n, dtype=torch.float64)}: two words per value. */
    public void rand(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextDoubleUniform();
        }
    }

    /** torch's float uniform takes the LOW 24 bits of a word (java.util.Random and numpy take the high ones). */
    private void fillUniforms(float[] out, int from, int count) {
        for (int i = from; i < from + count; i++) {
            out[i] = (engine.nextInt() & 0xFFFFFF) * FLOAT_UNIT;
        }
    }

    private double nextDoubleUniform() {
        long high = engine.nextInt();
        long low = engine.nextInt() & 0xFFFFFFFFL;
        return ((high << 32 | low) & LOW_53_BITS) * DOUBLE_UNIT;
    }

    /** The scalar path: a double Box-Muller that keeps its second value for the next call. */
    private double nextScalarNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal;
        }
        double angleUniform = nextDoubleUniform();
        double radiusUniform = nextDoubleUniform();
        // StrictMath gives the same bits on every JVM; its rare last-bit differences from torch's glibc calls are
        // in double and vanish in the cast to float (all reference sizes match bit for bit)
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - radiusUniform));
        double angle = 2 * Math.PI * angleUniform;
        cachedNormal = radius * StrictMath.sin(angle);
        hasCachedNormal = true;
        return radius * StrictMath.cos(angle);
    }
}
