package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PromptEncoderTest {

    @Test
    void eachTextIsEncodedOnceAndFedAsStartPromptEndPadding() {
        InferenceSession textEncoder = mock(InferenceSession.class);
        when(textEncoder.inputs()).thenReturn(List.of(new TensorInfo("input_ids", DType.INT32, new long[] {-1, -1})));
        when(textEncoder.outputs()).thenReturn(List.of(new TensorInfo("last_hidden_state", DType.FLOAT32, new long[] {-1, -1, 32})));
        when(textEncoder.run(any())).thenAnswer(i -> Map.of("last_hidden_state", Tensor.ofFloats(new float[77 * 32], 1, 77, 32)));
        Path tokenizerDir = Path.of(System.getProperty("invoke4j.root", "..")).resolve("models/tiny-sd/tokenizer");
        PromptEncoder encoder = new PromptEncoder(ClipTokenizer.load(tokenizerDir), textEncoder);

        Tensor first = encoder.encode("a photo of a cat");
        Tensor again = encoder.encode("a photo of a cat");
        encoder.encode("");

        assertSame(first, again);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Tensor>> inputs = ArgumentCaptor.forClass(Map.class);
        verify(textEncoder, times(2)).run(inputs.capture());
        long[] ids = inputs.getAllValues().get(0).get("input_ids").longs();
        long[] expected = new long[77];
        java.util.Arrays.fill(expected, 49407);
        System.arraycopy(new long[] {49406, 320, 1125, 539, 320, 2368, 49407}, 0, expected, 0, 7);
        assertArrayEquals(expected, ids);
    }
}
