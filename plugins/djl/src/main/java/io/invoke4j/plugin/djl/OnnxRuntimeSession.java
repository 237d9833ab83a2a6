package io.invoke4j.plugin.djl;

import io.invoke4j.api.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import io.invoke4j.api.DType;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model run by DJL's OnnxRuntime engine: a DJL {@link OrtSymbolBlock} over an ONNX Runtime session, fed
 * DJL NDArrays.
 *
 * <p>Each run gets its own DJL {@link NDManager}, a child of the session's, that owns that run's input and output
 * arrays and frees their native tensors when the run ends; the input values themselves sit in buffers the session
 * reuses from run to run ({@link InputBuffers}), which ONNX Runtime reads in place.
 */
final class OnnxRuntimeSession implements InferenceSession {

    private final ModelFile file;
    private final NDManager manager;
    private final OrtSymbolBlock block;
    private final ParameterStore parameters;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final InputBuffers buffers = new InputBuffers();
    private boolean closed;

    private OnnxRuntimeSession(ModelFile file, NDManager manager, OrtSymbolBlock block, List<TensorInfo> inputs,
                               List<TensorInfo> outputs) {
        this.file = file;
        this.manager = manager;
        this.block = block;
        this.parameters = new ParameterStore(manager, false);
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Opens an ONNX model in DJL's OnnxRuntime engine.
     *
     * @throws InferenceException (one line) when DJL's engine cannot start or ONNX Runtime cannot read the file
     */
    static OnnxRuntimeSession open(ModelFile file, EngineOptions options, Device device) {
        Engine engine = DjlEngines.onnxRuntime();
        OrtSession session = OrtSessions.open(file, options, device);
        List<TensorInfo> inputs;
        List<TensorInfo> outputs;
        try {
            inputs = describe(file, "input", session.getInputInfo());
            outputs = describe(file, "output", session.getOutputInfo());
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            throw e instanceof InferenceException ie ? ie : new InferenceException("engine djl (OnnxRuntime) cannot"
                    + " read the inputs and outputs " + file + " declares: " + OneLine.of(e), e);
        }
        // tensors are made on the CPU; ONNX Runtime moves them to the session's device
        NDManager manager = engine.newBaseManager(ai.djl.Device.cpu());
        // the block belongs to the manager from here on: closing the manager closes the block and the session
        OrtSymbolBlock block = new OrtSymbolBlock(session, (OrtNDManager) manager);
        return new OnnxRuntimeSession(file, manager, block, inputs, outputs);
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
        try (NDManager call = manager.newSubManager()) {
            NDList feed = new NDList(inputs.size());
            for (TensorInfo input : inputs) {
                Tensor tensor = given.get(input.name());
                feed.add(call.create(buffers.fill(input.name(), tensor, input.dtype()), new Shape(tensor.shape()),
                        InputBuffers.toDjl(input.dtype())));
            }
            NDList produced = block.forward(parameters, feed, false);
            Map<String, Tensor> results = new LinkedHashMap<>();
            for (NDArray output : produced) {
                results.put(output.getName(), decode(output));
            }
            return results;
        } catch (InferenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // DJL's EngineException around ONNX Runtime's, or an IllegalArgumentException about the inputs
            throw new InferenceException("engine djl (OnnxRuntime): " + file + ": " + OneLine.of(e), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffers.clear();
        manager.close();
    }

    @Override
    public String toString() {
        return "OnnxRuntimeSession[" + file + "]";
    }

    /** An output's values, copied once out of ONNX Runtime's tensor: floating as floats, integer as longs. */
    private Tensor decode(NDArray output) {
        OnnxTensor tensor = ((OrtNDArray) output).getTensor();
        long[] shape = tensor.getInfo().getShape();
        switch (tensor.getInfo().type) {
            case FLOAT:
                // ONNX Runtime copies into a heap buffer: its array is the one copy
                return Tensor.ofFloats(tensor.getFloatBuffer().array(), shape);
            case DOUBLE: {
                java.nio.DoubleBuffer doubles = tensor.getDoubleBuffer();
                float[] values = new float[doubles.remaining()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) doubles.get(i);
                }
                return Tensor.ofFloats(values, shape);
            }
            case FLOAT16: {
                ShortBuffer bits = tensor.getShortBuffer();
                float[] values = new float[bits.remaining()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Fp16Conversions.fp16ToFloat(bits.get(i));
                }
                return Tensor.ofFloats(values, shape);
            }
            case INT32: {
                int[] values = tensor.getIntBuffer().array();
                long[] widened = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    widened[i] = values[i];
                }
                return Tensor.ofLongs(widened, shape);
            }
            case INT64:
                return Tensor.ofLongs(tensor.getLongBuffer().array(), shape);
            default:
                // the declared outputs were checked at open; a graph that returns another type lied about it
                throw new InferenceException("engine djl (OnnxRuntime): " + file + ": output '" + output.getName()
                        + "' came back as " + tensor.getInfo().type + "; invoke4j reads float and integer tensors");
        }
    }

    private static List<TensorInfo> describe(ModelFile file, String role, Map<String, NodeInfo> declared) {
        List<TensorInfo> infos = new ArrayList<>(declared.size());
        declared.forEach((name, node) -> infos.add(describe(file, role, name, node)));
        return List.copyOf(infos);
    }

    private static TensorInfo describe(ModelFile file, String role, String name, NodeInfo node) {
        if (!(node.getInfo() instanceof ai.onnxruntime.TensorInfo info)) {
            throw new InferenceException("engine djl (OnnxRuntime): " + file + ": " + role + " '" + name + "' is a "
                    + node.getInfo() + ", not a tensor; invoke4j reads tensors only");
        }
        DType dtype = switch (info.type) {
            case FLOAT -> DType.FLOAT32;
            case FLOAT16 -> DType.FLOAT16;
            case DOUBLE -> DType.FLOAT64;
            case INT32 -> DType.INT32;
            case INT64 -> DType.INT64;
            default -> throw new InferenceException("engine djl (OnnxRuntime): " + file + ": " + role + " '" + name
                    + "' has element type " + info.onnxType + "; invoke4j supports float32, float16, float64, int32 and int64");
        };
        // ONNX Runtime reports symbolic and unknown dimensions as -1, the api's mark for a dynamic one
        return new TensorInfo(name, dtype, info.getShape());
    }

    private static void closeQuietly(OrtSession session, Exception failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
