package io.invoke4j.plugin.onnx;

import io.invoke4j.api.Device;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
     *
     * <p>With {@link EngineOptions#circularPadding()} the file is read, its padded convolutions are rewritten to
     * pad circularly ({@link CircularPadding}), and the session is made from the rewritten bytes; that needs a
     * self-contained model (no external weight files).
     */
    @Override
    public InferenceSession open(Path model, EngineOptions options) {
        Path file = ModelFiles.resolve(model);
        Device device = Device.parse(options.device());
        byte[] rewritten = rewrittenModel(file, options).orElse(null);
        if (device.kind() != Device.Kind.AUTO) {
            return open(file, rewritten, options, device);
        }
        if (SessionOptionsFactory.cudaAvailable()) {
            try {
                return open(file, rewritten, options, Device.cuda(0));
            } catch (InferenceException e) {
                // a GPU build of ONNX Runtime on a machine without a usable GPU or CUDA libraries: use the CPU
            }
        }
        return open(file, rewritten, options, Device.CPU);
    }

    /**
     * The model bytes to open instead of {@code file}: its graph with circular padding when the options ask for
     * it, else empty (ONNX Runtime opens the file itself, by its path).
     *
     * @throws InferenceException naming the file when it cannot be read or rewritten
     */
    static Optional<byte[]> rewrittenModel(Path file, EngineOptions options) {
        if (!options.circularPadding()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new InferenceException("cannot read ONNX model " + file + " for seamless: " + e, e);
        }
        try {
            return Optional.of(CircularPadding.rewrite(bytes, options.circularX(), options.circularY()));
        } catch (IllegalArgumentException e) {
            throw new InferenceException(file + ": " + e.getMessage(), e);
        }
    }

    private static InferenceSession open(Path file, byte[] rewritten, EngineOptions options, Device device) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (SessionOptions sessionOptions = SessionOptionsFactory.create(options, device)) {
            OrtSession session = rewritten == null
                    ? environment.createSession(file.toString(), sessionOptions)
                    : environment.createSession(rewritten, sessionOptions);
            return new OnnxSession(environment, session, file);
        } catch (OrtException e) {
            throw new InferenceException("cannot open ONNX model " + file + (rewritten == null ? "" : " (seamless)")
                    + " on " + device + ": "
                    + OrtMessages.oneLine(e), e);
        }
    }
}
