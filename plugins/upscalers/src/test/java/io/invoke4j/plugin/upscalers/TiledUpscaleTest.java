package io.invoke4j.plugin.upscalers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tiling itself, on a stand-in network whose output is known exactly: a nearest-neighbour x2 enlargement
 * (every pixel depends on one input pixel only, so any tiling must give the one-call image), which records the
 * size of every input it is given.
 */
class TiledUpscaleTest {

    /** Nearest x2 of its input; remembers the input sizes it saw. */
    private static final class NearestTwice implements InferenceSession {
        final List<long[]> inputs = new ArrayList<>();

        @Override
        public List<TensorInfo> inputs() {
            return List.of(new TensorInfo("input", DType.FLOAT32, new long[] {1, 3, -1, -1}));
        }

        @Override
        public List<TensorInfo> outputs() {
            return List.of(new TensorInfo("output", DType.FLOAT32, new long[] {1, 3, -1, -1}));
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> given) {
            Tensor in = given.get("input");
            inputs.add(in.shape());
            int h = (int) in.dim(2);
            int w = (int) in.dim(3);
            float[] x = in.floats();
            float[] y = new float[3 * 4 * h * w];
            for (int c = 0; c < 3; c++) {
                for (int row = 0; row < 2 * h; row++) {
                    for (int col = 0; col < 2 * w; col++) {
                        y[c * 4 * h * w + row * 2 * w + col] = x[c * h * w + (row / 2) * w + col / 2];
                    }
                }
            }
            return Map.of("output", Tensor.ofFloats(y, 1, 3, 2L * h, 2L * w));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void a2048ImageRunsTileByTileAndComesOutWhole() {
        NearestTwice network = new NearestTwice();
        BufferedImage image = TestImages.smooth(2048, 2048);
        BufferedImage out = TiledUpscale.over(network, 400, 10, () -> false).run(image);

        assertEquals(4096, out.getWidth());
        assertEquals(4096, out.getHeight());
        // the probe, then ceil(2048 / 400)^2 = 36 tiles
        assertEquals(1 + 36, network.inputs.size());
        long largest = network.inputs.stream().mapToLong(s -> s[2] * s[3]).max().orElseThrow();
        assertEquals(420L * 420L, largest, "no call sees more than a tile and its padding");
        for (int y = 0; y < 4096; y += 7) {
            for (int x = 0; x < 4096; x += 5) {
                assertEquals(image.getRGB(x / 2, y / 2), out.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void withoutATileSizeTheModelSeesTheWholeImage() {
        NearestTwice network = new NearestTwice();
        TiledUpscale upscale = TiledUpscale.over(network, 0, 10, () -> false);
        assertEquals(2, upscale.scale());
        upscale.run(TestImages.smooth(50, 30));
        assertEquals(30, network.inputs.get(1)[2]);
        assertEquals(50, network.inputs.get(1)[3]);
    }

    @Test
    void aX2ModelGetsEvenSidesAndEvenTiles() {
        // x2 models pixel-unshuffle by 2: the image is padded to even sides, the tile and padding rounded to even
        NearestTwice network = new NearestTwice();
        BufferedImage image = TestImages.smooth(33, 21);
        BufferedImage out = TiledUpscale.over(network, 15, 3, () -> false).run(image);
        assertEquals(66, out.getWidth());
        assertEquals(42, out.getHeight());
        for (long[] shape : network.inputs) {
            assertTrue(shape[2] % 2 == 0 && shape[3] % 2 == 0, shape[2] + "x" + shape[3]);
        }
        for (int y = 0; y < 42; y++) {
            for (int x = 0; x < 66; x++) {
                assertEquals(image.getRGB(x / 2, y / 2), out.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }
}
