package io.invoke4j.plugin.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.TensorInfo;

/**
 * Maps between ONNX Runtime's element types and the api's {@link DType}: the four types SD models use, and float64
 * (CodeFormer's fidelity input).
 */
final class OrtTypes {

    private OrtTypes() {
    }

    /**
     * The api description of one declared input or output.
     *
     * @param model what to name in an error (the model file)
     * @param role  {@code "input"} or {@code "output"}, for the error
     * @throws InferenceException when it is not a tensor of float32, float16, float64, int32 or int64
     */
    static TensorInfo describe(String model, String role, String name, NodeInfo node) {
        if (!(node.getInfo() instanceof ai.onnxruntime.TensorInfo info)) {
            throw new InferenceException(model + ": " + role + " '" + name + "' is a " + node.getInfo()
                    + ", not a tensor; invoke4j reads tensors only");
        }
        DType dtype = switch (info.type) {
            case FLOAT -> DType.FLOAT32;
            case FLOAT16 -> DType.FLOAT16;
            case INT32 -> DType.INT32;
            case INT64 -> DType.INT64;
            case DOUBLE -> DType.FLOAT64;
            default -> throw new InferenceException(model + ": " + role + " '" + name + "' has element type "
                    + info.onnxType + "; invoke4j supports float32, float16, float64, int32 and int64");
        };
        // ONNX Runtime reports symbolic and unknown dimensions as -1, the api's mark for a dynamic one
        return new TensorInfo(name, dtype, info.getShape());
    }

    static OnnxJavaType toOrt(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case FLOAT64 -> OnnxJavaType.DOUBLE;
        };
    }

    static int byteSize(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> 2;
            case FLOAT32, INT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }
}
