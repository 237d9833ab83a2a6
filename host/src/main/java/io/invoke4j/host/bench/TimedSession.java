package io.invoke4j.host.bench;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InferenceSession} that times its {@code run} calls, for its part and in a total shared by all parts. */
final class TimedSession implements InferenceSession {
    private final InferenceSession delegate;
    private final AtomicLong runNanos;
    private final SessionTimings.PartTimes part;

    TimedSession(InferenceSession delegate, AtomicLong runNanos, SessionTimings.PartTimes part) {
        this.delegate = delegate;
        this.runNanos = runNanos;
        this.part = part;
    }

    @Override
    public List<TensorInfo> inputs() {
        return delegate.inputs();
    }

    @Override
    public List<TensorInfo> outputs() {
        return delegate.outputs();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        long start = System.nanoTime();
        try {
            return delegate.run(inputs);
        } finally {
            long nanos = System.nanoTime() - start;
            runNanos.addAndGet(nanos);
            part.add(nanos);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
