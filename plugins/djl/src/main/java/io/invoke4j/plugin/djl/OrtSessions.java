package io.invoke4j.plugin.djl;

import io.invoke4j.api.Device;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;

/**
 * Creates the ONNX Runtime session that DJL's OnnxRuntime engine runs, with the settings the onnx engine uses (every
 * graph optimisation, fatal-only session logging, the requested intra-op threads), so that the two engines compute
 * the same thing.
 *
 * <p>The session is made here rather than by DJL's {@code OrtModel.load} because invoke4j needs the dtypes and
 * shapes the graph declares (an fp16 UNet takes float16 and an int64 timestep), and DJL's model describes inputs
 * by name only. DJL then runs the session through its own {@code OrtSymbolBlock} and NDArrays.
 */
final class OrtSessions {

    private OrtSessions() {
    }

    /**
     * Opens {@code file} by its path (so external weight files beside it are found) in the process's one ONNX
     * Runtime environment, which DJL's OnnxRuntime engine created. Device {@code auto} uses CUDA GPU 0 when this
     * ONNX Runtime build has the CUDA provider and the model opens there, else the CPU.
     *
     * @throws InferenceException naming the file, the device and ONNX Runtime's reason
     */
    static OrtSession open(ModelFile file, EngineOptions options, Device device) {
        if (device.kind() == Device.Kind.AUTO) {
            if (cudaAvailable()) {
                try {
                    return open(file, options, Device.cuda(0));
                } catch (InferenceException e) {
                    // a GPU build of ONNX Runtime on a machine without a usable GPU: use the CPU
                }
            }
            return open(file, options, Device.CPU);
        }
        try (SessionOptions sessionOptions = sessionOptions(options, device)) {
            return OrtEnvironment.getEnvironment().createSession(file.path().toString(), sessionOptions);
        } catch (OrtException e) {
            throw new InferenceException("engine djl (OnnxRuntime) cannot open " + file + " on " + device + ": "
                    + OneLine.of(e) + "; check that it is an ONNX graph ONNX Runtime " + OrtEnvironment.getEnvironment()
                    .getVersion() + " reads", e);
        }
    }

    private static SessionOptions sessionOptions(EngineOptions options, Device device) throws OrtException {
        SessionOptions sessionOptions = new SessionOptions();
        try {
            sessionOptions.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            // a failed run comes back as an InferenceException; ONNX Runtime need not also print it to stderr
            sessionOptions.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            if (options.threads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.threads());
            }
            if (device.kind() == Device.Kind.CUDA) {
                if (!cudaAvailable()) {
                    throw new InferenceException("engine djl: device " + device + " needs ONNX Runtime's CUDA"
                            + " provider, which this ONNX Runtime build lacks: put onnxruntime_gpu in lib/ or use"
                            + " device cpu");
                }
                sessionOptions.addCUDA(device.index());
            }
            return sessionOptions;
        } catch (OrtException | RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
    }

    private static boolean cudaAvailable() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }
}
