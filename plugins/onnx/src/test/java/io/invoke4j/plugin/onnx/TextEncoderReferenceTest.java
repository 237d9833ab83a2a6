package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text encoder on the token ids of refs/e2e_txt2img.json gives the embedding torch gave, with the ids fed as
 * longs and converted to the int32 the graph declares.
 */
class TextEncoderReferenceTest {

    /** ONNX Runtime's and torch's float32 kernels differ in the last bits; values here are of order 1. */
    private static final float FP32_TOLERANCE = 1e-4f;

    /**
     * The fp16 graph computes in float16: its outputs are rounded to float16 (a spacing of 2^-9 = 2e-3 near the
     * largest reference value, 2.06, so up to 1e-3 from rounding alone), and models/README.md measured up to
     * 1.1e-3 against torch float32 over whole outputs. 5e-3 is 2.5 float16 steps at that size: loose enough for
     * kernel differences, tight enough to catch a wrong conversion (a byte-order or rounding error is off by far more).
     */
    private static final float FP16_TOLERANCE = 5e-3f;

    private static final JsonNode REF = TestModels.e2eReference();

    @Test
    void float32EncoderMatchesTorch() {
        assertMatchesReference(TestModels.FP32, FP32_TOLERANCE);
    }

    @Test
    void float16EncoderMatchesTorchWithinFloat16Rounding() {
        assertMatchesReference(TestModels.FP16, FP16_TOLERANCE);
    }

    private static void assertMatchesReference(String folder, float tolerance) {
        long[] uncond = TestModels.longs(REF.get("input_ids_uncond"));
        long[] cond = TestModels.longs(REF.get("input_ids_cond"));
        assertEquals(77, cond.length);
        // one batch of two rows, [uncond, cond], as InvokeAI's classifier-free guidance encodes them
        long[] ids = new long[2 * 77];
        System.arraycopy(uncond, 0, ids, 0, 77);
        System.arraycopy(cond, 0, ids, 77, 77);

        try (InferenceSession encoder = TestModels.open(folder, "text_encoder")) {
            Map<String, Tensor> out = encoder.run(Map.of("input_ids", Tensor.ofLongs(ids, 2, 77)));
            Tensor hidden = out.get("last_hidden_state");
            Tensor pooled = out.get("pooler_output");
            assertArrayEquals(new long[] {2, 77, 32}, hidden.shape());
            assertArrayEquals(new long[] {2, 32}, pooled.shape());

            float[] h = hidden.floats();
            float[] uncondFirst = Arrays.copyOfRange(h, 0, 16);
            float[] condFirst = Arrays.copyOfRange(h, 77 * 32, 77 * 32 + 16);
            float uncondDiff = TestModels.maxAbsDiff(TestModels.floats(REF.get("uncond_embedding_first16")), uncondFirst);
            float condDiff = TestModels.maxAbsDiff(TestModels.floats(REF.get("cond_embedding_first16")), condFirst);
            System.out.printf("[onnx] %s text_encoder vs torch: max |diff| uncond %.2e, cond %.2e%n",
                    folder, uncondDiff, condDiff);
            assertTrue(uncondDiff <= tolerance, "uncond embedding off by " + uncondDiff);
            assertTrue(condDiff <= tolerance, "cond embedding off by " + condDiff);

            // the reference's first 16 values sit at the start token, which both rows share; the pooled output
            // (the hidden state at each row's first end token, 49407) shows the rest of each row arrived intact
            assertPooledAtFirstEndToken(h, pooled.floats(), 0, uncond);
            assertPooledAtFirstEndToken(h, pooled.floats(), 1, cond);
        }
    }

    private static void assertPooledAtFirstEndToken(float[] hidden, float[] pooled, int row, long[] ids) {
        int end = 0;
        while (ids[end] != 49407) {
            end++;
        }
        float[] atEnd = Arrays.copyOfRange(hidden, (row * 77 + end) * 32, (row * 77 + end + 1) * 32);
        float[] rowPooled = Arrays.copyOfRange(pooled, row * 32, (row + 1) * 32);
        assertArrayEquals(atEnd, rowPooled, "row " + row + " pooled at position " + end);
    }
}
