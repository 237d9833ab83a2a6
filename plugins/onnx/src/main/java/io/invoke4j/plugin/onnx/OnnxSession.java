package io.invoke4j.plugin.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One ONNX model opened in ONNX Runtime.
 *
 * <p>Inputs are written, converted to their declared dtypes, into direct buffers that ONNX Runtime reads in place.
 * Each input keeps its buffer from one run to the next while its size stays the same, because the sampling loop
 * calls the UNet 20 to 50 times with the same shapes. Hence, as the contract allows, a session is not thread-safe.
 */
public final class OnnxSession implements InferenceSession {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String model;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final Map<String, ByteBuffer> inputBuffers = new HashMap<>();
    private boolean closed;

    /**
     * Takes ownership of {@code session}: closes it when its inputs or outputs are of a kind invoke4j cannot feed
     * or read, and the exception says which.
     */
    OnnxSession(OrtEnvironment environment, OrtSession session, Path model) {
        this.environment = environment;
        this.session = session;
        this.model = model.toString();
        try {
            this.inputs = describe("input", session.getInputInfo());
            this.outputs = describe("output", session.getOutputInfo());
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            throw e instanceof InferenceException ie ? ie
                    : new InferenceException(this.model + ": cannot read the declared inputs and outputs: "
                            + OrtMessages.oneLine(e), e);
        }
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
            throw new InferenceException(model + ": the session is closed");
        }
        checkNames(given);
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (TensorInfo input : inputs) {
                feeds.put(input.name(), feed(input, given.get(input.name())));
            }
            try (OrtSession.Result result = session.run(feeds)) {
                Map<String, Tensor> produced = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    // the constructor has checked that every output is a tensor
                    produced.put(output.getKey(), TensorCodec.decode(output.getKey(), (OnnxTensor) output.getValue()));
                }
                return produced;
            }
        } catch (OrtException e) {
            throw new InferenceException(model + ": " + OrtMessages.oneLine(e), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inputBuffers.clear();
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException(model + ": cannot close the session: " + OrtMessages.oneLine(e), e);
        }
    }

    @Override
    public String toString() {
        return "OnnxSession[" + model + "]";
    }

    private List<TensorInfo> describe(String role, Map<String, NodeInfo> declared) {
        List<TensorInfo> infos = new ArrayList<>(declared.size());
        declared.forEach((name, node) -> infos.add(OrtTypes.describe(model, role, name, node)));
        return List.copyOf(infos);
    }

    private void checkNames(Map<String, Tensor> given) {
        for (TensorInfo input : inputs) {
            if (given.get(input.name()) == null) {
                throw new InferenceException(model + ": missing input '" + input.name() + "'; the model declares "
                        + names(inputs));
            }
        }
        if (given.size() > inputs.size()) {
            for (String name : given.keySet()) {
                if (inputs.stream().noneMatch(input -> input.name().equals(name))) {
                    throw new InferenceException(model + ": unknown input '" + name + "'; the model declares "
                            + names(inputs));
                }
            }
        }
    }

    private OnnxTensor feed(TensorInfo input, Tensor tensor) throws OrtException {
        int bytes = Math.multiplyExact(tensor.size(), OrtTypes.byteSize(input.dtype()));
        ByteBuffer buffer = inputBuffers.get(input.name());
        if (buffer == null || buffer.capacity() != bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            inputBuffers.put(input.name(), buffer);
        }
        buffer.clear();
        TensorCodec.encode(input.name(), tensor, input.dtype(), buffer);
        // a direct, native-order buffer is used in place; ORT checks the shape against the declared one
        return OnnxTensor.createTensor(environment, buffer, tensor.shape(), OrtTypes.toOrt(input.dtype()));
    }

    private static String names(List<TensorInfo> infos) {
        return infos.stream().map(TensorInfo::toString).collect(Collectors.joining(", "));
    }

    private static void closeQuietly(OrtSession session, Exception failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
