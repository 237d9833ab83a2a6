package io.invoke4j.host.noise;

import static io.invoke4j.host.testing.ReferenceJson.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.invoke4j.host.testing.ReferenceJson;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link PerlinNoise} and {@link LatentNoise}: InvokeAI's {@code rand_perlin_2d} over torch's {@code rand}. */
class PerlinNoiseTest {
    /** {@code torch.manual_seed(42); torch.rand(16)}, from {@code refs/torch_randn.json}. */
    private static final float[] RAND_16_SEED_42 =
            floats(ReferenceJson.load("torch_randn.json").get("seed42").get("rand_16").get("values"));

    @Test
    void gradientsComeFromTorchRandOnTheSameGenerator() {
        float[] uniforms = new float[81];
        new TorchGenerator(42).rand(uniforms);
        assertArrayEquals(RAND_16_SEED_42, Arrays.copyOf(uniforms, 16));
    }

    @Test
    void theCentreOfTheFirstCellAveragesItsFourCornersByHand() {
        // 16 x 16: cells of 2 x 2, so pixel (1, 1) sits at (0.5, 0.5) in cell (0, 0), where the fade is 0.5;
        // corners (0,0), (0,1), (1,0), (1,1) take rand values 0, 1, 9 and 10 of RAND_16_SEED_42:
        // sqrt(2)/4 * (n00 + n10 + n01 + n11), worked out with Python's math module
        float[] perlin = PerlinNoise.channel(16, 16, new TorchGenerator(42));
        assertEquals(0.17496767, perlin[16 + 1], 2e-6);
    }

    @Test
    void everyPixelFollowsTheFormulaOverTheReferenceGradients() {
        int size = 32;
        float[] uniforms = new float[81];
        new TorchGenerator(42).rand(uniforms);
        float[] perlin = PerlinNoise.channel(size, size, new TorchGenerator(42));
        int cell = size / 8;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double expected = perlinByTextbook(uniforms, i / cell, j / cell, (double) (i % cell) / cell,
                        (double) (j % cell) / cell);
                assertEquals(expected, perlin[i * size + j], 2e-6, "pixel " + i + "," + j);
            }
        }
    }

    @Test
    void latticePointsAreZeroSoAnEightByEightLatentGetsNone() {
        float[] perlin = PerlinNoise.channel(8, 8, new TorchGenerator(7));
        // 0 * g sums to -0 for a negative gradient component, as in torch
        assertArrayEquals(new float[64], perlin, 0f);
        float[] larger = PerlinNoise.channel(24, 24, new TorchGenerator(7));
        assertEquals(0f, larger[3 * 24 + 6], 0f);
    }

    @Test
    void aSizeThatIsNotAMultipleOfEightIsCroppedFromTheRoundedUpOne() {
        // InvokeAI 2.1+: rand_perlin_2d at the size rounded up to multiples of 8, then cropped
        float[] padded = PerlinNoise.channel(16, 16, new TorchGenerator(3));
        float[] cropped = PerlinNoise.channel(12, 10, new TorchGenerator(3));
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 10; j++) {
                assertEquals(padded[i * 16 + j], cropped[i * 10 + j]);
            }
        }
    }

    @Test
    void fadeAndLerpAreTheClassicOnes() {
        assertEquals(0f, PerlinNoise.fade(0f));
        assertEquals(0.5f, PerlinNoise.fade(0.5f));
        assertEquals(1f, PerlinNoise.fade(1f));
        assertEquals(0.103515625f, PerlinNoise.fade(0.25f), 1e-7f);
        assertEquals(3f, PerlinNoise.lerp(1f, 5f, 0.5f));
        assertEquals(5f, PerlinNoise.lerp(1f, 5f, 1f));
    }

    @Test
    void theBlendDrawsAfterTheGaussianNoiseChannelByChannel() {
        LatentNoise shape = new LatentNoise(4, 16, 16, 0.3);
        float[] drawn = new float[shape.size()];
        TorchGenerator generator = new TorchGenerator(42);
        shape.draw(generator, drawn);

        TorchGenerator reference = new TorchGenerator(42);
        float[] gaussian = new float[shape.size()];
        reference.randn(gaussian);
        for (int c = 0; c < 4; c++) {
            float[] perlin = PerlinNoise.channel(16, 16, reference);
            for (int i = 0; i < 256; i++) {
                float expected = 0.7f * gaussian[c * 256 + i] + 0.3f * perlin[i];
                assertEquals(expected, drawn[c * 256 + i], 1e-6f);
            }
        }
        // the generator goes on where torch's would: after the normals and 4 x 81 uniforms
        float[] next = new float[16];
        float[] expectedNext = new float[16];
        generator.randn(next);
        reference.randn(expectedNext);
        assertArrayEquals(expectedNext, next);
    }

    @Test
    void zeroPerlinIsPlainGaussianNoise() {
        float[] plain = new float[256];
        new TorchGenerator(5).randn(plain);
        float[] drawn = new float[256];
        new LatentNoise(4, 8, 8, 0).draw(new TorchGenerator(5), drawn);
        assertArrayEquals(plain, drawn);
        float[] blended = new float[256];
        new LatentNoise(4, 8, 8, 0.5).draw(new TorchGenerator(5), blended);
        assertFalse(Arrays.equals(plain, blended));
    }

    /**
     * Perlin noise written the usual way, in double: position (fy, fx) in cell (row, col), gradients
     * {@code (cos 2 pi u, sin 2 pi u)} on a 9 x 9 lattice, the first component along the rows.
     */
    private static double perlinByTextbook(float[] u, int row, int col, double fy, double fx) {
        double n00 = dot(u, row, col, fy, fx);
        double n10 = dot(u, row + 1, col, fy - 1, fx);
        double n01 = dot(u, row, col + 1, fy, fx - 1);
        double n11 = dot(u, row + 1, col + 1, fy - 1, fx - 1);
        double ty = fade(fy);
        double tx = fade(fx);
        double a = n00 + ty * (n10 - n00);
        double b = n01 + ty * (n11 - n01);
        return Math.sqrt(2) * (a + tx * (b - a));
    }

    private static double dot(float[] u, int row, int col, double dy, double dx) {
        double angle = 2 * Math.PI * u[row * 9 + col];
        return dy * Math.cos(angle) + dx * Math.sin(angle);
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }
}
