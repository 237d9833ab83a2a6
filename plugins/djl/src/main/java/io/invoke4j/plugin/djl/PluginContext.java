package io.invoke4j.plugin.djl;

import java.util.function.Supplier;

/**
 * Runs DJL calls with this plugin's class loader as the thread's context class loader.
 *
 * <p>DJL finds its engines with {@link java.util.ServiceLoader} and its bundled native libraries as class path
 * resources, both through the context class loader. Under PF4J that is the host's loader, which cannot see the
 * plugin's jars; the plugin's loader sees them (and, through its parent, the host's ONNX Runtime).
 */
final class PluginContext {

    private PluginContext() {
    }

    static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PluginContext.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
