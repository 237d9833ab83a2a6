package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatentEncoderTest {

    private final List<Tensor> inputs = new ArrayList<>();

    /** A VAE encoder that returns 1, 2, 3, ... whatever it is given, at 1/8 of the size. */
    private InferenceSession encoder() {
        InferenceSession vae = mock(InferenceSession.class);
        when(vae.inputs()).thenReturn(List.of(new TensorInfo("sample", DType.FLOAT32, new long[] {-1, 3, -1, -1})));
        when(vae.outputs()).thenReturn(List.of(new TensorInfo("latent_sample", DType.FLOAT32, new long[] {-1, 4, -1, -1})));
        when(vae.run(any())).thenAnswer(invocation -> {
            Map<String, Tensor> in = invocation.getArgument(0);
            Tensor sample = in.get("sample");
            inputs.add(sample);
            long h = sample.dim(2) / 8;
            long w = sample.dim(3) / 8;
            float[] latents = new float[(int) (4 * h * w)];
            for (int i = 0; i < latents.length; i++) {
                latents[i] = i + 1;
            }
            return Map.of("latent_sample", Tensor.ofFloats(latents, 1, 4, h, w));
        });
        return vae;
    }

    @Test
    void pixelsGoInChannelFirstInMinusOneToOneAndLatentsComeOutScaled() {
        BufferedImage image = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff8000);
        image.setRGB(127, 63, 0x01fe7f);

        Latents latents = new LatentEncoder(encoder()).encode(image);

        Tensor in = inputs.get(0);
        assertArrayEquals(new long[] {1, 3, 64, 128}, in.shape());
        int plane = 64 * 128;
        float[] v = in.floats();
        assertEquals(1f, v[0]);
        assertEquals(2f * (128 / 255f) - 1f, v[plane]);
        assertEquals(-1f, v[2 * plane]);
        assertEquals(2f * (1 / 255f) - 1f, v[plane - 1]);
        assertEquals(2f * (254 / 255f) - 1f, v[2 * plane - 1]);
        assertEquals(2f * (127 / 255f) - 1f, v[3 * plane - 1]);
        assertArrayEquals(new int[] {1, 4, 8, 16}, latents.shape());
        for (int i = 0; i < latents.size(); i++) {
            assertEquals(0.18215f * (i + 1), latents.data()[i]);
        }
    }

    @Test
    void invokeAisRoundingOfTheUnitRangeIsKept() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        int[] values = new int[256];
        for (int p = 0; p < 256; p++) {
            image.setRGB(p % 64, p / 64, p << 16);
            values[p] = p;
        }
        float[] planes = LatentEncoder.toUnitRange(image);
        for (int p : values) {
            // numpy float32 p / 255, then torch 2 * x - 1
            float unit = (float) p / 255f;
            assertEquals(2f * unit - 1f, planes[p], "pixel value " + p);
        }
    }

    @Test
    void sizesOtherThanMultiplesOf64AreRejected() {
        LatentEncoder encoder = new LatentEncoder(encoder());
        assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(new BufferedImage(100, 64, BufferedImage.TYPE_INT_RGB)));
    }
}
