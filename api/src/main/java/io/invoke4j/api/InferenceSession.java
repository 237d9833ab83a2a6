package io.invoke4j.api;

import java.util.List;
import java.util.Map;

/**
 * One opened model (a text encoder, a UNet, a VAE half, an upscaler ...), ready to run many times.
 *
 * <p>Sessions are expensive to open and cheap to run: the host opens each model once and reuses the session.
 * Implementations must allow {@link #run} from one thread at a time; they need not be thread-safe.
 */
public interface InferenceSession extends AutoCloseable {

    /** The inputs the model declares, in the model's order. */
    List<TensorInfo> inputs();

    /** The outputs the model declares, in the model's order. */
    List<TensorInfo> outputs();

    /**
     * Runs the model.
     *
     * <p>Each input is converted to the dtype that input declares: float values to float32 or float16, integer
     * values to int32 or int64 (and a float tensor given for an integer input is rounded toward zero). Outputs
     * come back as float (any floating dtype) or long (any integer dtype) tensors, keyed by output name.
     *
     * @param inputs a tensor for every declared input, by name
     * @return every declared output, by name
     * @throws InferenceException when the model rejects the inputs or fails
     */
    Map<String, Tensor> run(Map<String, Tensor> inputs);

    /** Frees the model. */
    @Override
    void close();
}
