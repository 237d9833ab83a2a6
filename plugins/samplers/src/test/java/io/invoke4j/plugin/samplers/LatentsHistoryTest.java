package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.Latents;
import org.junit.jupiter.api.Test;

class LatentsHistoryTest {

    @Test
    void keepsTheNewestEntriesAndRecyclesTheOldestBuffer() {
        LatentsHistory history = new LatentsHistory(3, new Latents(new float[2], 1, 2));
        Latents first = history.push();
        first.data()[0] = 1;
        history.push().data()[0] = 2;
        history.push().data()[0] = 3;
        assertEquals(3, history.size());
        assertEquals(3, history.get(0).data()[0]);
        assertEquals(1, history.get(2).data()[0]);

        Latents fourth = history.push();
        assertSame(first, fourth, "the oldest buffer is reused");
        fourth.data()[0] = 4;
        assertEquals(3, history.size());
        assertEquals(4, history.get(0).data()[0]);
        assertEquals(3, history.get(1).data()[0]);
        assertEquals(2, history.get(2).data()[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> history.get(3));
    }

    @Test
    void holdsOnlyWhatWasPushed() {
        LatentsHistory history = new LatentsHistory(4, new Latents(new float[1], 1));
        assertEquals(0, history.size());
        assertThrows(IndexOutOfBoundsException.class, () -> history.get(0));
        history.push();
        assertEquals(1, history.size());
        assertThrows(IndexOutOfBoundsException.class, () -> history.get(1));
    }
}
