package io.invoke4j.host.noise;

import java.security.SecureRandom;

/**
 * InvokeAI's implicit seeds: CPython's global {@code random}, reseeded with each image's seed, then asked for
 * {@code randrange(0, 4294967295)}. Holding one instance for the session reproduces InvokeAI's chain: after an
 * image with seed s, {@link #next()} gives f(s), then g(s), ... Not thread-safe.
 */
public final class SeedChain {

    /** {@code randrange}'s exclusive bound: implicit seeds are 0 to 2^32 - 2. */
    private static final long BOUND = 0xFFFFFFFFL;

    private final Mt19937 engine = new Mt19937();

    /** A chain started from OS entropy, as InvokeAI seeds its global RNG at model load. */
    public SeedChain() {
        // InvokeAI does seed_everything(randrange(0, 2^32 - 1)) with an entropy-seeded random: a seed in that range
        reseed(new SecureRandom().nextLong(BOUND));
    }

    /** A chain as after {@code random.seed(seed)}. */
    public SeedChain(long seed) {
        reseed(seed);
    }

    /** {@code random.seed(seed)} (CPython int seeding: init_by_array over |seed|'s 32-bit words). */
    public void reseed(long seed) {
        // |Long.MIN_VALUE| overflows back to Long.MIN_VALUE, whose unsigned reading is the right magnitude, 2^63
        long magnitude = Math.abs(seed);
        int low = (int) magnitude;
        int high = (int) (magnitude >>> 32);
        engine.initByArray(high == 0 ? new int[] {low} : new int[] {low, high});
    }

    /** {@code random.randrange(0, 4294967295)}: the next implicit seed. */
    public long next() {
        // CPython's _randbelow: draw getrandbits(32) until it falls below the bound (it rejects only 2^32 - 1)
        long candidate;
        do {
            candidate = engine.nextInt() & 0xFFFFFFFFL;
        } while (candidate >= BOUND);
        return candidate;
    }
}
