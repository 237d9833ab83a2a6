package io.invoke4j.plugin.djl;

/**
 * The DJL system properties invoke4j runs with, set before DJL's first class loads (DJL reads some of them in
 * static initialisers). A value the user gave with {@code -D} is kept.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL never goes to the network. Every native library it needs is in the
 *       plugin's jars (ONNX Runtime in the host's {@code lib/}, libtorch and DJL's JNI glue in
 *       {@code plugins/djl/lib}); DJL only extracts them to its cache folder. Offline also stops DJL's start-up
 *       telemetry call.</li>
 *   <li>{@code ai.djl.onnx.disable_alternative=true}: otherwise every DJL OnnxRuntime NDManager opens a PyTorch
 *       "alternative" manager for the array maths ONNX Runtime lacks, which would load libtorch just to run an
 *       ONNX model. invoke4j does no array maths in DJL.</li>
 * </ul>
 */
final class DjlSettings {

    static final String OFFLINE = "ai.djl.offline";
    static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

    private DjlSettings() {
    }

    static synchronized void apply() {
        setUnlessGiven(OFFLINE, "true");
        setUnlessGiven(DISABLE_ALTERNATIVE, "true");
    }

    private static void setUnlessGiven(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
