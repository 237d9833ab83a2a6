package io.invoke4j.host.noise;

/**
 * InvokeAI's implicit seeds: CPython's global {@code random}, reseeded with each image's seed, then asked for
 * {@code randrange(0, 4294967295)}. Holding one instance for the session reproduces InvokeAI's chain: after an
 * image with seed s, {@link #next()} gives f(s), then g(s), ... Not thread-safe.
 */
public final class SeedChain {

    /** A chain started from OS entropy, as InvokeAI seeds its global RNG at model load. */
    public SeedChain() {
        throw new UnsupportedOperationException("TODO");
    }

    /** A chain as after {@code random.seed(seed)}. */
    public SeedChain(long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code random.seed(seed)} (CPython int seeding: init_by_array over |seed|'s 32-bit words). */
    public void reseed(long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code random.randrange(0, 4294967295)}: the next implicit seed. */
    public long next() {
        throw new UnsupportedOperationException("TODO");
    }
}
