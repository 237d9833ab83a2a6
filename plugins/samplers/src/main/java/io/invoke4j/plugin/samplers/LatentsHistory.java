package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Latents;

/**
 * The last few values a multistep method keeps (LMS's derivatives, PLMS's noise predictions, DPM++ 2M's
 * previous denoised): a ring of buffers allocated once, where pushing a new value recycles the oldest.
 */
final class LatentsHistory {
    private final Latents[] slots;
    private int newest = -1;
    private int size;

    LatentsHistory(int capacity, Latents like) {
        slots = new Latents[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = Latents.zerosLike(like);
        }
    }

    /** Makes the next buffer the newest entry, dropping the oldest one when full, and returns it to fill. */
    Latents push() {
        newest = (newest + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
        return slots[newest];
    }

    /** The entry pushed {@code back} pushes before the newest one (0: the newest). */
    Latents get(int back) {
        if (back < 0 || back >= size) {
            throw new IndexOutOfBoundsException("history holds " + size + " entries, asked for " + back + " back");
        }
        return slots[Math.floorMod(newest - back, slots.length)];
    }

    /** Forgets every entry (the buffers are kept for reuse). */
    void clear() {
        size = 0;
    }

    /** How many entries it holds: the pushes so far, at most its capacity. */
    int size() {
        return size;
    }
}
