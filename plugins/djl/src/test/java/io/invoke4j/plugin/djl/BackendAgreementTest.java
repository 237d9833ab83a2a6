package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both of DJL's engines against torch: the ONNX graphs through DJL's OnnxRuntime engine and the TorchScript
 * archives (the torch modules themselves, models/README.md section 2) through DJL's PyTorch engine, on the same
 * inputs, and the text encoder against the embedding torch gave in refs/e2e_txt2img.json.
 */
class BackendAgreementTest {

    /**
     * models/README.md measured the ONNX graphs against the torch modules: text encoder within 7.2e-7, UNet within
     * 2.5e-6 (outputs of std 0.33). ONNX Runtime's and libtorch's float32 kernels differ in the last bits; 1e-4
     * leaves room for other CPUs' kernels and still fails on any real difference (a wrong input order or dtype
     * moves values by tenths).
     */
    private static final float FP32_TOLERANCE = 1e-4f;
    /** The VAE decoder's outputs reach 5.5 and the README measured up to 2.1e-4 between the two: scale with them. */
    private static final float VAE_RELATIVE_TOLERANCE = 1e-4f;
    /**
     * fp16 against the float32 torch modules: the README measured 1.1e-3 for the UNet; a float16 rounding of the
     * inputs adds a little, 1e-2 is a thirtieth of the output's spread.
     */
    private static final float FP16_TOLERANCE = 1e-2f;

    @Test
    void textEncodersGiveTorchsEmbedding() {
        JsonNode ref = TestModels.e2eReference();
        long[] ids = TestModels.longs(ref.get("input_ids_cond"));
        float[] expected = TestModels.floats(ref.get("cond_embedding_first16"));
        for (String folder : List.of(TestModels.FP32, TestModels.TORCHSCRIPT)) {
            try (InferenceSession text = TestModels.open(folder, "text_encoder")) {
                Map<String, Tensor> out = text.run(Map.of(text.inputs().get(0).name(),
                        Tensor.ofLongs(ids, 1, ids.length)));
                Tensor hidden = out.get(text.outputs().get(0).name());
                assertArrayEquals(new long[] {1, 77, 32}, hidden.shape(), folder);
                float diff = TestModels.maxAbsDiff(expected, Arrays.copyOf(hidden.floats(), expected.length));
                System.out.printf("[djl] %s text encoder vs torch: max |diff| %.2e%n", folder, diff);
                assertTrue(diff <= FP32_TOLERANCE, folder + " off torch by " + diff);
                assertEquals(2, out.size(), folder + ": last_hidden_state and pooler_output");
            }
        }
    }

    @Test
    void unetThroughOnnxRuntimeAgreesWithTheTorchScriptModule() {
        try (InferenceSession onnx = TestModels.open(TestModels.FP32, "unet");
             InferenceSession half = TestModels.open(TestModels.FP16, "unet");
             InferenceSession torch = TestModels.open(TestModels.TORCHSCRIPT, "unet")) {
            assertEquals(List.of("sample", "timestep", "encoder_hidden_states"), names(torch.inputs()));
            assertEquals(names(onnx.inputs()), names(torch.inputs()));
            assertEquals(DType.INT64, half.inputs().get(1).dtype(), "the fp16 export's timestep");
            Map<String, Tensor> inputs = unetInputs(Tensor.ofFloats(new float[] {916f, 916f}, 2));
            float[] reference = torch.run(inputs).get(torch.outputs().get(0).name()).floats();
            float[] viaOnnx = onnx.run(inputs).get("out_sample").floats();
            float[] viaHalf = half.run(inputs).get("out_sample").floats();
            float diff = TestModels.maxAbsDiff(reference, viaOnnx);
            float halfDiff = TestModels.maxAbsDiff(reference, viaHalf);
            System.out.printf("[djl] unet 2x4x32x32: OnnxRuntime vs PyTorch max |diff| %.2e, fp16 %.2e%n",
                    diff, halfDiff);
            assertTrue(TestModels.allFinite(reference));
            assertTrue(diff <= FP32_TOLERANCE, "fp32 " + diff);
            assertTrue(halfDiff <= FP16_TOLERANCE, "fp16 " + halfDiff);
        }
    }

    @Test
    void vaeDecoderThroughOnnxRuntimeAgreesWithTheTorchScriptModule() {
        try (InferenceSession onnx = TestModels.open(TestModels.FP32, "vae_decoder");
             InferenceSession torch = TestModels.open(TestModels.TORCHSCRIPT, "vae_decoder")) {
            Tensor latents = Tensor.ofFloats(TestModels.noise(4 * 16 * 24, 3), 1, 4, 16, 24);
            Tensor reference = torch.run(Map.of("latent_sample", latents)).get("output_0");
            Tensor viaOnnx = onnx.run(Map.of("latent_sample", latents)).get("sample");
            assertArrayEquals(new long[] {1, 3, 128, 192}, reference.shape());
            assertArrayEquals(reference.shape(), viaOnnx.shape());
            float diff = TestModels.maxAbsDiff(reference.floats(), viaOnnx.floats());
            float scale = Math.max(1, TestModels.maxAbs(reference.floats()));
            System.out.printf("[djl] vae_decoder 16x24 latent: OnnxRuntime vs PyTorch max |diff| %.2e (max |x| %.2f)%n",
                    diff, scale);
            assertTrue(diff <= VAE_RELATIVE_TOLERANCE * scale, "vae " + diff);
        }
    }

    static Map<String, Tensor> unetInputs(Tensor timestep) {
        return Map.of(
                "sample", Tensor.ofFloats(TestModels.noise(2 * 4 * 32 * 32, 1), 2, 4, 32, 32),
                "timestep", timestep,
                "encoder_hidden_states", Tensor.ofFloats(TestModels.noise(2 * 77 * 32, 2), 2, 77, 32));
    }

    private static List<String> names(List<TensorInfo> infos) {
        return infos.stream().map(TensorInfo::name).toList();
    }
}
