package io.invoke4j.plugin.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import java.nio.file.Path;
import org.pf4j.Extension;

/**
 * The {@code onnx} engine: opens {@code .onnx} files in ONNX Runtime, on the CPU or a CUDA GPU.
 *
 * <p>ONNX Runtime comes from the host's class loader, not this plugin's, so that its native library is loaded
 * once per process; all sessions share ONNX Runtime's one {@link OrtEnvironment}.
 *
 * <p>The precision in {@link EngineOptions} is ignored: ONNX Runtime runs a graph in the dtypes it was exported
 * with, so pick the fp16 or fp32 model folder instead. On the CPU pick fp32: ONNX Runtime 1.29's CPU kernels for
 * float16 MatMul are slow, and a float16 UNet call takes about ten times as long as a float32 one.
 */
@Extension
public final class OnnxEngine implements InferenceEngine {

    /** The name models.yaml uses for this engine. */
    public static final String NAME = "onnx";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens {@code model} (a {@code .onnx} file, or a component folder holding {@code model.onnx}) by its path, so
     * that external weight files beside it ({@code weights.pb}) are found.
     *
     * <p>Device {@code auto} uses CUDA GPU 0 when this ONNX Runtime build has the CUDA provider and the model opens
     * there, else the CPU; {@code cuda} and {@code cuda:N} fail instead of falling back.
     */
    @Override
    public InferenceSession open(Path model, EngineOptions options) {
        Path file = ModelFiles.resolve(model);
        Device device = Device.parse(options.device());
        if (device.kind() != Device.Kind.AUTO) {
            return open(file, options, device);
        }
        if (SessionOptionsFactory.cudaAvailable()) {
            try {
                return open(file, options, new Device(Device.Kind.CUDA, 0));
            } catch (InferenceException e) {
                // a GPU build of ONNX Runtime on a machine without a usable GPU or CUDA libraries: use the CPU
            }
        }
        return open(file, options, Device.CPU);
    }

    private static InferenceSession open(Path file, EngineOptions options, Device device) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (SessionOptions sessionOptions = SessionOptionsFactory.create(options, device)) {
            OrtSession session = environment.createSession(file.toString(), sessionOptions);
            return new OnnxSession(environment, session, file);
        } catch (OrtException e) {
            throw new InferenceException("cannot open ONNX model " + file + " on " + device + ": "
                    + OrtMessages.oneLine(e), e);
        }
    }
}
