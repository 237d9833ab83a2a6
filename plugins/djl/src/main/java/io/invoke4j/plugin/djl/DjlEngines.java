package io.invoke4j.plugin.djl;

import ai.djl.engine.Engine;
import io.invoke4j.api.InferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DJL's OnnxRuntime and PyTorch engines, each started once per plugin class loader. A failure to start one (a
 * missing native library, most often) is remembered and reported in one line every time the engine is asked for,
 * with what to do about it; DJL itself would answer later calls with a bare {@link NoClassDefFoundError}.
 */
final class DjlEngines {

    static final String ONNX_RUNTIME = "OnnxRuntime";
    static final String PYTORCH = "PyTorch";

    private static final Properties NATIVES = natives();
    /** Engine name to its started {@link Engine}, or to the one-line reason it could not start. */
    private static final Map<String, Object> STARTED = new ConcurrentHashMap<>();

    private DjlEngines() {
    }

    /**
     * DJL's OnnxRuntime engine, over the host's ONNX Runtime.
     *
     * @throws InferenceException (one line) when it cannot start
     */
    static Engine onnxRuntime() {
        return start(ONNX_RUNTIME, "DJL's OnnxRuntime engine uses the host's ONNX Runtime ("
                + NATIVES.getProperty("onnxruntime.jar") + " in lib/), whose one environment it must create: start"
                + " invoke4j with plugins/djl installed before any ONNX model is opened");
    }

    /**
     * DJL's PyTorch engine, which loads libtorch and DJL's JNI glue from the plugin's jars on first use.
     *
     * @throws InferenceException (one line) when it cannot start
     */
    static Engine pyTorch() {
        return start(PYTORCH, "plugins/djl/lib must hold " + NATIVES.getProperty("pytorch.jars")
                + " (DJL runs offline here and downloads nothing)");
    }

    private static Engine start(String name, String advice) {
        Object started = STARTED.computeIfAbsent(name, DjlEngines::tryStart);
        if (started instanceof Engine engine) {
            return engine;
        }
        throw new InferenceException("engine djl cannot start DJL's " + name + " engine (" + started + "); "
                + advice);
    }

    private static Object tryStart(String name) {
        DjlSettings.apply();
        return PluginContext.call(() -> {
            try {
                return Engine.getEngine(name);
            } catch (RuntimeException | LinkageError e) {
                // DJL wraps a native failure in ExceptionInInitializerError (its engine holder class), an
                // EngineException or an IllegalStateException from ONNX Runtime; all say why in their causes
                return OneLine.of(e);
            }
        });
    }

    private static Properties natives() {
        Properties properties = new Properties();
        try (InputStream in = DjlEngines.class.getResourceAsStream("natives.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
