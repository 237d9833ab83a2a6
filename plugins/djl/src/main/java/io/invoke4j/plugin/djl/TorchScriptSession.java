package io.invoke4j.plugin.djl;

import io.invoke4j.api.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.invoke4j.api.DType;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TorchScript archive run by DJL's PyTorch engine (libtorch, on the CPU), its inputs passed by position.
 *
 * <p>TorchScript declares names but neither element types nor shapes. The inputs are named after
 * {@code forward}'s arguments ({@link TorchScriptSignature}) and reported as float32 (torch's default dtype) with
 * one dynamic dimension, the batch: the rank is not declared. Values go in as torch takes them from an SD export:
 * float values as float32, integer values (token ids) as int64, torch's index type. The outputs, which TorchScript
 * does not name, are {@code output_0}, {@code output_1}, ... in {@code forward}'s return order (the text encoder's
 * {@code last_hidden_state} first).
 *
 * <p>Each run gets its own DJL {@link NDManager}, a child of the model's, which frees that run's input and output
 * tensors when it ends; the input values sit in buffers the session reuses from run to run.
 */
final class TorchScriptSession implements InferenceSession {

    private static final long[] BATCH_ONLY = {-1};

    private final ModelFile file;
    private final Model model;
    private final Block block;
    private final ParameterStore parameters;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final InputBuffers buffers = new InputBuffers();
    private boolean closed;

    private TorchScriptSession(ModelFile file, Model model, TorchScriptSignature signature) {
        this.file = file;
        this.model = model;
        this.block = model.getBlock();
        this.parameters = new ParameterStore(model.getNDManager(), false);
        List<TensorInfo> in = new ArrayList<>();
        for (String name : signature.inputs()) {
            in.add(new TensorInfo(name, DType.FLOAT32, BATCH_ONLY));
        }
        List<TensorInfo> out = new ArrayList<>();
        for (int i = 0; i < signature.outputs(); i++) {
            out.add(new TensorInfo(outputName(i), DType.FLOAT32, BATCH_ONLY));
        }
        this.inputs = List.copyOf(in);
        this.outputs = List.copyOf(out);
    }

    /**
     * Loads a TorchScript archive into DJL's PyTorch engine, which loads libtorch first if this is the first.
     *
     * @throws InferenceException (one line) when libtorch cannot be loaded, the device is not the CPU, or the file
     *                            is not a TorchScript archive libtorch reads
     */
    static TorchScriptSession open(ModelFile file, EngineOptions options, Device device) {
        if (device.kind() == Device.Kind.CUDA) {
            throw new InferenceException("engine djl runs TorchScript on the CPU only (plugins/djl bundles libtorch's"
                    + " CPU build), so " + file + " cannot go to " + device + ": use device cpu or auto");
        }
        TorchScriptSignature signature;
        try {
            signature = TorchScriptSignature.read(file.path());
        } catch (IOException | IllegalArgumentException e) {
            throw new InferenceException("engine djl (PyTorch) cannot read " + file + ": " + OneLine.of(e)
                    + "; give a TorchScript archive saved by torch.jit.save", e);
        }
        Engine engine = DjlEngines.pyTorch();
        if (options.threads() > 0) {
            // libtorch has one intra-op thread pool per process
            JniUtils.setNumThreads(options.threads());
        }
        // DJL names a model; given the file itself it reads that file whatever the name
        Model model = engine.newModel(file.path().getFileName().toString(), ai.djl.Device.cpu());
        try {
            model.load(file.path());
            return new TorchScriptSession(file, model, signature);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InferenceException("engine djl (PyTorch) cannot load " + file + ": " + OneLine.of(e)
                    + "; give a TorchScript archive saved by PyTorch 1.13 or newer (this libtorch is "
                    + engine.getVersion() + ")", e);
        }
    }

    static String outputName(int index) {
        return "output_" + index;
    }

    @Override
    public List<TensorInfo> inputs() {
        return inputs;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> given) {
        if (closed) {
            throw new InferenceException(file + ": the session is closed");
        }
        InputCheck.names(file, inputs, given);
        try (NDManager call = model.getNDManager().newSubManager()) {
            NDList feed = new NDList(inputs.size());
            for (TensorInfo input : inputs) {
                Tensor tensor = given.get(input.name());
                DType dtype = tensor.isFloating() ? DType.FLOAT32 : DType.INT64;
                feed.add(call.create(buffers.fill(input.name(), tensor, dtype), new Shape(tensor.shape()),
                        InputBuffers.toDjl(dtype)));
            }
            NDList produced = block.forward(parameters, feed, false);
            if (produced.size() != outputs.size()) {
                throw new InferenceException(file + ": forward returned " + produced.size() + " tensors, its"
                        + " signature " + outputs.size());
            }
            Map<String, Tensor> results = new LinkedHashMap<>();
            for (int i = 0; i < produced.size(); i++) {
                results.put(outputName(i), decode(produced.get(i)));
            }
            return results;
        } catch (InferenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // DJL's EngineException carries libtorch's message (a C++ error with its trace on later lines)
            throw new InferenceException("engine djl (PyTorch): " + file + ": " + OneLine.of(e), e);
        }
    }

    /** An output's values, copied once out of libtorch's tensor. */
    private static Tensor decode(NDArray output) {
        long[] shape = output.getShape().getShape();
        DataType type = output.getDataType();
        if (type == DataType.FLOAT32) {
            return Tensor.ofFloats(output.toFloatArray(), shape);
        }
        if (type.isFloating()) {
            return Tensor.ofFloats(output.toType(DataType.FLOAT32, false).toFloatArray(), shape);
        }
        return Tensor.ofLongs(output.toType(DataType.INT64, false).toLongArray(), shape);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffers.clear();
        model.close();
    }

    @Override
    public String toString() {
        return "TorchScriptSession[" + file + "]";
    }
}
