package io.invoke4j.plugin.djl;

import io.invoke4j.api.Device;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import java.nio.file.Path;
import org.pf4j.Extension;

/**
 * The {@code djl} engine: runs a model through DJL, picking DJL's engine by the file: an ONNX graph
 * ({@code model.onnx}) through DJL's OnnxRuntime engine, a TorchScript archive ({@code model.pt}) through DJL's
 * PyTorch engine. With {@code engine: djl} in models.yaml the same ONNX folder gives the same images as with
 * {@code engine: onnx} (both run the host's one ONNX Runtime with the same settings), and a TorchScript export of
 * the same weights gives images within a few 8-bit levels.
 *
 * <p>Every native library comes from jars: ONNX Runtime's from the host's {@code lib/}, libtorch's and DJL's JNI
 * glue from {@code plugins/djl/lib}; DJL runs offline ({@link DjlSettings}).
 *
 * <p>The precision in {@link EngineOptions} is ignored: both engines run a model in the dtypes it was saved with.
 * Circular padding ({@code --seamless}) is not offered: ONNX Runtime and libtorch run the saved graphs as they are.
 */
@Extension
public final class DjlEngine implements InferenceEngine {

    /** The name models.yaml uses for this engine. */
    public static final String NAME = "djl";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens {@code model}: a component folder holding {@code model.onnx} or {@code model.pt}, or such a file.
     *
     * @throws InferenceException in one line naming the engine, the file and what to do, when there is no model
     *                            file, DJL's engine for it cannot start (its native library is missing), or the
     *                            engine cannot read the file
     */
    @Override
    public InferenceSession open(Path model, EngineOptions options) {
        ModelFile file = ModelFile.find(model);
        if (options.circularPadding()) {
            throw new InferenceException("engine djl cannot pad convolutions circularly, as --seamless needs ("
                    + file + "): run this model with engine onnx for seamless images");
        }
        Device device = Device.parse(options.device());
        return PluginContext.call(() -> switch (file.format()) {
            case ONNX -> OnnxRuntimeSession.open(file, options, device);
            case TORCHSCRIPT -> TorchScriptSession.open(file, options, device);
        });
    }
}
