package io.invoke4j.host.bench;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.host.generate.SessionWrapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts and times the {@code run} calls of every model session, per model part. */
public final class SessionTimings implements SessionWrapper {
    private final AtomicLong totalNanos = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    @Override
    public InferenceSession wrap(String part, InferenceSession session) {
        return new TimedSession(session, totalNanos, calls.computeIfAbsent(part, p -> new AtomicLong()));
    }

    /** Forgets what was counted so far. */
    public void reset() {
        totalNanos.set(0);
        calls.values().forEach(c -> c.set(0));
    }

    /** Time spent inside {@code run}, all parts together, since the last reset. */
    public long runNanos() {
        return totalNanos.get();
    }

    /** {@code run} calls of {@code part} since the last reset. */
    public long calls(String part) {
        AtomicLong count = calls.get(part);
        return count != null ? count.get() : 0;
    }
}
