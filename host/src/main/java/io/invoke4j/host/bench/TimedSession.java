package io.invoke4j.host.bench;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InferenceSession} that counts its {@code run} calls and adds their wall time to a shared total. */
final class TimedSession implements InferenceSession {
    private final InferenceSession delegate;
    private final AtomicLong runNanos;
    private final AtomicLong calls;

    TimedSession(InferenceSession delegate, AtomicLong runNanos, AtomicLong calls) {
        this.delegate = delegate;
        this.runNanos = runNanos;
        this.calls = calls;
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
        calls.incrementAndGet();
        long start = System.nanoTime();
        try {
            return delegate.run(inputs);
        } finally {
            runNanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
