package io.invoke4j.host.noise;

/**
 * The 32-bit Mersenne Twister (Matsumoto and Nishimura's {@code mt19937ar}) with both of its standard seedings:
 * {@code init_genrand}, which torch uses ({@code std::mt19937(seed)}), and {@code init_by_array}, which CPython's
 * {@code random.seed(int)} uses.
 *
 * <p>Hand-written rather than taken from Commons RNG: its {@code source32.MersenneTwister} can only be seeded
 * through {@code init_by_array} (it has no {@code init_genrand} entry point), so it cannot produce torch's stream,
 * and one small class serving both callers beats a dependency that serves one.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int index = N;

    /** {@code init_genrand(seed)}: the state C++'s {@code std::mt19937(seed)} starts from. */
    void initGenrand(int seed) {
        state[0] = seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        index = N;
    }

    /** {@code init_by_array(key)}; {@code key} must not be empty. */
    void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            int previous = state[i - 1];
            state[i] = (state[i] ^ ((previous ^ (previous >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            int previous = state[i - 1];
            state[i] = (state[i] ^ ((previous ^ (previous >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = UPPER_MASK; // guarantees a non-zero state whatever the key
    }

    /** The next 32-bit output ({@code genrand_int32}), to be read as unsigned. */
    int nextInt() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        index = 0;
    }
}
