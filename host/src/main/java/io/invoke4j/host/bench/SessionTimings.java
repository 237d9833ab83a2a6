package io.invoke4j.host.bench;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.host.generate.SessionWrapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts and times the {@code run} calls of every model session, per model part and all parts together. */
public final class SessionTimings implements SessionWrapper {
    private final AtomicLong totalNanos = new AtomicLong();
    private final Map<String, PartTimes> parts = new ConcurrentHashMap<>();

    /** The {@code run} calls of one model part ({@code unet}): how many, their total and their fastest. */
    static final class PartTimes {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong bestNanos = new AtomicLong(Long.MAX_VALUE);

        void add(long callNanos) {
            calls.incrementAndGet();
            nanos.addAndGet(callNanos);
            bestNanos.accumulateAndGet(callNanos, Math::min);
        }

        void reset() {
            calls.set(0);
            nanos.set(0);
            bestNanos.set(Long.MAX_VALUE);
        }
    }

    @Override
    public InferenceSession wrap(String part, InferenceSession session) {
        return new TimedSession(session, totalNanos, parts.computeIfAbsent(part, p -> new PartTimes()));
    }

    /** Forgets what was counted so far. */
    public void reset() {
        totalNanos.set(0);
        parts.values().forEach(PartTimes::reset);
    }

    /** Time spent inside {@code run}, all parts together, since the last reset. */
    public long runNanos() {
        return totalNanos.get();
    }

    /** {@code run} calls of {@code part} since the last reset. */
    public long calls(String part) {
        PartTimes times = parts.get(part);
        return times != null ? times.calls.get() : 0;
    }

    /** Time spent inside {@code run} of {@code part} since the last reset. */
    public long runNanos(String part) {
        PartTimes times = parts.get(part);
        return times != null ? times.nanos.get() : 0;
    }

    /** The fastest {@code run} of {@code part} since the last reset, or 0 when there was none. */
    public long bestRunNanos(String part) {
        PartTimes times = parts.get(part);
        return times != null && times.calls.get() > 0 ? times.bestNanos.get() : 0;
    }
}
