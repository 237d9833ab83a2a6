package io.invoke4j.plugin.onnx;

import io.invoke4j.api.Device;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;

/** Builds ONNX Runtime session options from {@link EngineOptions} for one concrete device (CPU or one CUDA GPU). */
final class SessionOptionsFactory {

    private SessionOptionsFactory() {
    }

    /** Whether this ONNX Runtime build has the CUDA provider (the {@code onnxruntime_gpu} artifact does). */
    static boolean cudaAvailable() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    /**
     * Options with every graph optimisation, the requested intra-op threads and the device's execution provider.
     * The caller closes them; a session keeps its own copy.
     *
     * @param device {@link Device.Kind#CPU} or {@link Device.Kind#CUDA}, never AUTO
     * @throws InferenceException when the CUDA provider is missing or cannot be added
     */
    static SessionOptions create(EngineOptions options, Device device) {
        SessionOptions sessionOptions = new SessionOptions();
        try {
            sessionOptions.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            // a failed run comes back as an InferenceException carrying ORT's message; without this ORT would also
            // print it to stderr, in the middle of the command line's output
            sessionOptions.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            if (options.threads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.threads());
            }
            if (device.kind() == Device.Kind.CUDA) {
                addCuda(sessionOptions, device);
            }
            return sessionOptions;
        } catch (OrtException e) {
            sessionOptions.close();
            throw new InferenceException("cannot set up ONNX Runtime for device " + device + ": "
                    + OrtMessages.oneLine(e), e);
        } catch (RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
    }

    private static void addCuda(SessionOptions sessionOptions, Device device) throws OrtException {
        if (!cudaAvailable()) {
            throw new InferenceException("device " + device + " needs ONNX Runtime's CUDA provider, which this ONNX"
                    + " Runtime build lacks (it has " + OrtEnvironment.getAvailableProviders()
                    + "): put onnxruntime_gpu on the class path or use device cpu");
        }
        sessionOptions.addCUDA(device.index());
    }
}
