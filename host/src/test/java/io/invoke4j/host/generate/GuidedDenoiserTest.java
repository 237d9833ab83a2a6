package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuidedDenoiserTest {
    private static final int[] SHAPE = {1, 4, 1, 1};

    static InferenceSession unet(long batch, DType timestepType, List<Map<String, Tensor>> calls) {
        InferenceSession unet = mock(InferenceSession.class);
        when(unet.inputs()).thenReturn(List.of(
                new TensorInfo("sample", DType.FLOAT32, new long[] {batch, 4, -1, -1}),
                new TensorInfo("timestep", timestepType, new long[] {batch}),
                new TensorInfo("encoder_hidden_states", DType.FLOAT32, new long[] {batch, -1, 2})));
        when(unet.outputs()).thenReturn(List.of(new TensorInfo("out_sample", DType.FLOAT32, new long[] {batch, 4, -1, -1})));
        // a fake UNet: eps = the sample + the first hidden value of each row, so the rows differ by prompt
        when(unet.run(any())).thenAnswer(invocation -> {
            Map<String, Tensor> in = invocation.getArgument(0);
            float[] sample = in.get("sample").floats();
            float[] hidden = in.get("encoder_hidden_states").floats();
            calls.add(Map.of("sample", Tensor.ofFloats(sample.clone(), in.get("sample").shape()),
                    "timestep", in.get("timestep")));
            int rows = (int) in.get("sample").dim(0);
            int per = sample.length / rows;
            float[] eps = new float[sample.length];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < per; i++) {
                    eps[r * per + i] = sample[r * per + i] + hidden[r * (hidden.length / rows)];
                }
            }
            return Map.of("out_sample", Tensor.ofFloats(eps, in.get("sample").shape()));
        });
        return unet;
    }

    static Tensor hidden(float value) {
        return Tensor.ofFloats(new float[] {value, 0, 0, 0}, 1, 2, 2);
    }

    private static final DiscreteSchedule SCHEDULE = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);

    @Test
    void guidanceRunsOneBatchOfTwoAndCombinesDenoisedRows() {
        List<Map<String, Tensor>> calls = new ArrayList<>();
        InferenceSession unet = unet(-1, DType.FLOAT32, calls);
        GuidedDenoiser denoiser = new GuidedDenoiser(unet, SCHEDULE, hidden(1f), hidden(3f), 7.5f, SHAPE);
        Latents x = new Latents(new float[] {1, 2, 3, 4}, SHAPE);
        Latents out = Latents.zerosLike(x);
        float sigma = 2f;
        denoiser.denoise(x, sigma, out);

        verify(unet, times(1)).run(any());
        assertEquals(2, calls.get(0).get("sample").dim(0));
        float cIn = 1f / (float) Math.sqrt(sigma * sigma + 1f);
        float t = SCHEDULE.sigmaToT(sigma);
        assertArrayEquals(new float[] {t, t}, calls.get(0).get("timestep").floats());
        for (int i = 0; i < 4; i++) {
            float xin = x.data()[i] * cIn;
            float uncond = x.data()[i] + (xin + 1f) * -sigma;
            float cond = x.data()[i] + (xin + 3f) * -sigma;
            assertEquals(uncond + (cond - uncond) * 7.5f, out.data()[i], 1e-6f);
        }
    }

    @Test
    void aUnetWithAFixedBatchOfOneRunsTwice() {
        List<Map<String, Tensor>> calls = new ArrayList<>();
        InferenceSession unet = unet(1, DType.FLOAT32, calls);
        GuidedDenoiser denoiser = new GuidedDenoiser(unet, SCHEDULE, hidden(1f), hidden(3f), 2f, SHAPE);
        Latents x = new Latents(new float[] {1, 2, 3, 4}, SHAPE);
        Latents out = Latents.zerosLike(x);
        denoiser.predictNoise(x, 500, out);
        verify(unet, times(2)).run(any());
        for (int i = 0; i < 4; i++) {
            float uncond = x.data()[i] + 1f;
            float cond = x.data()[i] + 3f;
            assertEquals(uncond + (cond - uncond) * 2f, out.data()[i], 1e-6f);
        }
    }

    @Test
    void anIntegerTimestepInputGetsTheNearestTimestep() {
        List<Map<String, Tensor>> calls = new ArrayList<>();
        InferenceSession unet = unet(-1, DType.INT64, calls);
        GuidedDenoiser denoiser = new GuidedDenoiser(unet, SCHEDULE, hidden(0f), hidden(0f), 7.5f, SHAPE);
        Latents x = new Latents(new float[] {1, 2, 3, 4}, SHAPE);
        float sigma = 3.1686094f; // t is about 707.7
        denoiser.denoise(x, sigma, Latents.zerosLike(x));
        long expected = Math.round(SCHEDULE.sigmaToT(sigma));
        assertArrayEquals(new long[] {expected, expected}, calls.get(0).get("timestep").longs());
    }
}
