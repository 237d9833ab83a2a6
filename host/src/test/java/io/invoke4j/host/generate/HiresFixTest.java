package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoke4j.api.Latents;
import org.junit.jupiter.api.Test;

class HiresFixTest {

    @Test
    void firstPassSizesFollowTheSpecExamples() {
        assertArrayEquals(new int[] {512, 512}, HiresFix.firstPassSize(512, 512));
        assertArrayEquals(new int[] {512, 512}, HiresFix.firstPassSize(768, 768));
        assertArrayEquals(new int[] {512, 512}, HiresFix.firstPassSize(384, 384));
        assertArrayEquals(new int[] {640, 448}, HiresFix.firstPassSize(1024, 768));
        assertArrayEquals(new int[] {768, 384}, HiresFix.firstPassSize(1024, 512));
    }

    @Test
    void bilinearResizeMatchesTorchWithoutAlignedCorners() {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4), mode="bilinear",
        // align_corners=False) gives these rows
        Latents x = new Latents(new float[] {0, 1, 2, 3}, 1, 1, 2, 2);
        Latents y = HiresFix.resizeBilinear(x, 4, 4);
        assertArrayEquals(new float[] {
            0f, 0.25f, 0.75f, 1f,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2f, 2.25f, 2.75f, 3f}, y.data(), 1e-6f);
        assertArrayEquals(new int[] {1, 1, 4, 4}, y.shape());
    }

    @Test
    void downscalingAveragesNeighbours() {
        Latents x = new Latents(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 1, 1, 4, 4);
        Latents y = HiresFix.resizeBilinear(x, 2, 2);
        // source coordinates 0.5 and 2.5: the mean of each 2x2 block
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, y.data(), 1e-6f);
        assertEquals(4, y.size());
    }
}
