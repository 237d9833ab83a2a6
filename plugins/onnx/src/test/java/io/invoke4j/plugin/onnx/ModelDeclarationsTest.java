package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.TensorInfo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inputs and outputs each tiny SD graph declares, as models/README.md section 1 lists them. */
class ModelDeclarationsTest {

    private static final long D = -1; // a dynamic dimension

    @ParameterizedTest
    @ValueSource(strings = {TestModels.FP32, TestModels.FP16})
    void textEncoder(String folder) {
        DType f = floatType(folder);
        assertDeclares(folder, "text_encoder",
                List.of(info("input_ids", DType.INT32, D, D)),
                List.of(info("last_hidden_state", f, D, D, 32), info("pooler_output", f, D, 32))).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestModels.FP32, TestModels.FP16})
    void unet(String folder) {
        DType f = floatType(folder);
        // diffusers' fp16 export declares an int64 timestep; the fp32 one a float32 timestep
        DType timestep = folder.equals(TestModels.FP16) ? DType.INT64 : DType.FLOAT32;
        try (InferenceSession unet = assertDeclares(folder, "unet",
                List.of(info("sample", f, D, D, D, D), info("timestep", timestep, D),
                        info("encoder_hidden_states", f, D, D, 32)),
                List.of(info("out_sample", f, D, 4, D, D)))) {
            TensorInfo sample = unet.inputs().get(0);
            assertTrue(sample.isDynamic(0) && sample.isDynamic(2) && sample.isDynamic(3));
            assertFalse(unet.outputs().get(0).isDynamic(1), "4 latent channels out");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestModels.FP32, TestModels.FP16})
    void vaeEncoder(String folder) {
        DType f = floatType(folder);
        assertDeclares(folder, "vae_encoder",
                List.of(info("sample", f, D, D, D, D)),
                List.of(info("latent_sample", f, D, 4, D, D))).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestModels.FP32, TestModels.FP16})
    void vaeDecoder(String folder) {
        DType f = floatType(folder);
        assertDeclares(folder, "vae_decoder",
                List.of(info("latent_sample", f, D, D, D, D)),
                List.of(info("sample", f, D, 3, D, D))).close();
    }

    private static InferenceSession assertDeclares(String folder, String component, List<TensorInfo> inputs,
            List<TensorInfo> outputs) {
        InferenceSession session = TestModels.open(folder, component);
        assertEquals(inputs, session.inputs(), folder + "/" + component + " inputs");
        assertEquals(outputs, session.outputs(), folder + "/" + component + " outputs");
        return session;
    }

    private static DType floatType(String folder) {
        return folder.equals(TestModels.FP16) ? DType.FLOAT16 : DType.FLOAT32;
    }

    private static TensorInfo info(String name, DType dtype, long... shape) {
        return new TensorInfo(name, dtype, shape);
    }
}
