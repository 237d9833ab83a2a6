package io.invoke4j.plugin.djl;

import io.invoke4j.api.InferenceException;
import org.pf4j.Plugin;

/**
 * The djl plugin's start: DJL's settings, then DJL's OnnxRuntime engine, before any model is opened.
 *
 * <p>Why so early: ONNX Runtime lives in the host's class loader, so this plugin and the onnx plugin share one
 * ONNX Runtime and one native library. ONNX Runtime keeps one environment per process, and DJL's OnnxRuntime
 * engine insists on creating it (with thread-pool options, which ONNX Runtime refuses once an environment
 * exists); the onnx plugin takes whatever environment exists. So DJL must come first, and plugins start before the
 * host opens a model. The cost when no model uses DJL is DJL's engine discovery and ONNX Runtime's native
 * library, which the onnx plugin would load anyway. libtorch is not loaded here, only with the first TorchScript
 * model.
 *
 * <p>A failure is not fatal: it is kept and reported, in one line, when a model asks for the engine.
 */
public final class DjlPlugin extends Plugin {

    @Override
    public void start() {
        DjlSettings.apply();
        try {
            DjlEngines.onnxRuntime();
        } catch (InferenceException e) {
            // remembered by DjlEngines; said when an ONNX model is opened with engine djl
        }
    }
}
