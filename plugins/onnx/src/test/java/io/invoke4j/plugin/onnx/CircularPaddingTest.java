package io.invoke4j.plugin.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EngineOptions#circularPadding()}: the ONNX engine's {@code --seamless}. */
class CircularPaddingTest {

    private static final EngineOptions SEAMLESS = TestModels.CPU.withCircularPadding(true);

    /** Latents per batch in the edge test: one image's 192 seam pairs vary too much for a stable mean. */
    private static final int IMAGES = 16;

    /**
     * Seamless images tile: the seam between the right and left edges (and bottom and top) looks like any other
     * pair of neighbouring pixels. The latents are smooth and periodic over the 8x8 tile (a sinusoid per channel,
     * random phases), as the sampler's seamless latents are; 16 images at once. Measured (tiny-sd fp32, CPU): seam
     * / interior neighbour mean |diff| is 0.069 / 0.087 = 0.79 across columns and 0.088 / 0.106 = 0.83 across rows
     * when seamless, but 0.193 / 0.103 = 1.9 and 0.220 / 0.117 = 1.9 with zero padding; the seamless seam is 0.36
     * and 0.40 of the zero-padded one. Hence: seam at most 1.25x the interior difference (zero padding fails it by
     * a factor 1.5) and at most 0.6x the zero-padded seam (1.5x the measured ratio).
     */
    @Test
    void seamlessImagesContinueAcrossTheirEdges() {
        float[] latents = new float[IMAGES * 4 * 8 * 8];
        for (int i = 0; i < IMAGES; i++) {
            System.arraycopy(periodicLatents(100 + i), 0, latents, i * 4 * 8 * 8, 4 * 8 * 8);
        }
        Map<String, Tensor> in = Map.of("latent_sample", Tensor.ofFloats(latents, IMAGES, 4, 8, 8));
        Edges normal = Edges.of(decode(TestModels.CPU, in), 3 * IMAGES, 64, 64);
        Edges seamless = Edges.of(decode(SEAMLESS, in), 3 * IMAGES, 64, 64);
        System.out.printf("[onnx] vae seams, mean |diff| seam vs interior: zero padding columns %.3f / %.3f, rows"
                + " %.3f / %.3f; seamless columns %.3f / %.3f, rows %.3f / %.3f%n",
                normal.leftRight, normal.interiorColumns, normal.topBottom, normal.interiorRows,
                seamless.leftRight, seamless.interiorColumns, seamless.topBottom, seamless.interiorRows);

        assertTrue(seamless.leftRight <= 1.25 * seamless.interiorColumns, "left/right seam " + seamless);
        assertTrue(seamless.topBottom <= 1.25 * seamless.interiorRows, "top/bottom seam " + seamless);
        assertTrue(seamless.leftRight <= 0.6 * normal.leftRight, seamless + " vs zero padding " + normal);
        assertTrue(seamless.topBottom <= 0.6 * normal.topBottom, seamless + " vs zero padding " + normal);
        // the thresholds tell the two apart: zero padding fails the first two
        assertTrue(normal.leftRight > 1.25 * normal.interiorColumns && normal.topBottom > 1.25 * normal.interiorRows,
                "zero padding " + normal);
    }

    /**
     * {@code --seamless_axes x}: the images tile left to right but not top to bottom, and {@code y} the other way
     * round, measured as {@link #seamlessImagesContinueAcrossTheirEdges} does.
     */
    @Test
    void oneAxisImagesContinueAcrossThatAxisOnly() {
        float[] latents = new float[IMAGES * 4 * 8 * 8];
        for (int i = 0; i < IMAGES; i++) {
            System.arraycopy(periodicLatents(100 + i), 0, latents, i * 4 * 8 * 8, 4 * 8 * 8);
        }
        Map<String, Tensor> in = Map.of("latent_sample", Tensor.ofFloats(latents, IMAGES, 4, 8, 8));
        Edges x = Edges.of(decode(TestModels.CPU.withCircularAxes(true, false), in), 3 * IMAGES, 64, 64);
        Edges y = Edges.of(decode(TestModels.CPU.withCircularAxes(false, true), in), 3 * IMAGES, 64, 64);

        assertTrue(x.leftRight <= 1.25 * x.interiorColumns, "x: left/right seam " + x);
        assertTrue(x.topBottom > 1.25 * x.interiorRows, "x: top/bottom seam " + x);
        assertTrue(y.topBottom <= 1.25 * y.interiorRows, "y: top/bottom seam " + y);
        assertTrue(y.leftRight > 1.25 * y.interiorColumns, "y: left/right seam " + y);
    }

    /**
     * A model with only circular padding is equivariant to circular shifts: rolling the latents by (2, 3) rolls
     * the image by (16, 24) pixels, up to float rounding (measured 2.7e-6 of outputs in [-1, 1]; zero padding
     * 2.6).
     */
    @Test
    void seamlessVaeDecoderCommutesWithCircularShifts() {
        float[] latents = TestModels.noise(4 * 8 * 8, 11);
        float[] image = decode(SEAMLESS, Map.of("latent_sample", Tensor.ofFloats(latents, 1, 4, 8, 8)));
        float[] shifted = decode(SEAMLESS,
                Map.of("latent_sample", Tensor.ofFloats(roll(latents, 4, 8, 8, 2, 3), 1, 4, 8, 8)));
        float diff = TestModels.maxAbsDiff(roll(image, 3, 64, 64, 16, 24), shifted);
        assertTrue(diff < 1e-4f, "rolled latents decode " + diff + " off the rolled image");
    }

    /**
     * The UNet, rewritten, runs at batch 2 on 8x8 latents with finite outputs that differ from the zero-padded
     * ones; on 16x16 latents rolled by 8 (its three downsamplings divide 16 by 8) the output rolls with them
     * (measured 8.3e-7; zero padding 1.0).
     */
    @Test
    void seamlessUnetRunsAndCommutesWithCircularShifts() {
        float[] small = TestModels.noise(2 * 4 * 8 * 8, 1);
        float[] large = TestModels.noise(2 * 4 * 16 * 16, 1);
        float[] normal;
        try (InferenceSession unet = new OnnxEngine().open(TestModels.component(TestModels.FP32, "unet"),
                TestModels.CPU)) {
            normal = unet.run(unetInputs(small, 8)).get("out_sample").floats();
        }
        try (InferenceSession unet = new OnnxEngine().open(TestModels.component(TestModels.FP32, "unet"), SEAMLESS)) {
            Tensor out = unet.run(unetInputs(small, 8)).get("out_sample");
            assertArrayEquals(new long[] {2, 4, 8, 8}, out.shape());
            assertTrue(TestModels.allFinite(out.floats()));
            assertTrue(TestModels.maxAbsDiff(normal, out.floats()) > 1e-2f, "circular padding changed nothing");

            float[] a = unet.run(unetInputs(large, 16)).get("out_sample").floats();
            float[] b = unet.run(unetInputs(roll(large, 8, 16, 16, 8, 8), 16)).get("out_sample").floats();
            float diff = TestModels.maxAbsDiff(roll(a, 8, 16, 16, 8, 8), b);
            assertTrue(diff < 1e-4f, "rolled latents give noise " + diff + " off the rolled noise");
        }
    }

    /** Every padded Conv of the UNet and VAE decoder loses its pads; the Conv count stays. */
    @Test
    void rewriteZeroesThePadsOfEveryConv() throws IOException {
        for (String component : List.of("unet", "vae_decoder")) {
            byte[] file = Files.readAllBytes(ModelFiles.resolve(TestModels.component(TestModels.FP32, component)));
            List<OnnxProtos.Node> before = OnnxProtos.nodes(file);
            byte[] rewritten = OnnxEngine.rewrittenModel(
                    ModelFiles.resolve(TestModels.component(TestModels.FP32, component)), SEAMLESS).orElseThrow();
            List<OnnxProtos.Node> after = OnnxProtos.nodes(rewritten);

            List<OnnxProtos.Node> convsBefore = before.stream().filter(n -> n.opType().equals("Conv")).toList();
            List<OnnxProtos.Node> convsAfter = after.stream().filter(n -> n.opType().equals("Conv")).toList();
            long padded = convsBefore.stream().filter(n -> n.pads() != null && !isZero(n.pads())).count();
            System.out.printf("[onnx] %s: %d Conv, %d padded, %d -> %d nodes%n",
                    component, convsBefore.size(), padded, before.size(), after.size());
            assertTrue(padded > 0, component + " has no padded Conv to rewrite");
            assertEquals(convsBefore.size(), convsAfter.size(), component + " Conv count");
            for (OnnxProtos.Node conv : convsAfter) {
                assertTrue(conv.pads() == null || isZero(conv.pads()), component + " Conv still padded");
            }
            // each padded Conv: two Slices and a Concat per axis (all 3x3 convs pad both sides of both axes)
            assertEquals(before.size() + 6 * padded, after.size(), component + " node count");
        }
    }

    /** Without circular padding the engine opens the file itself; a model with nothing to rewrite stays as is. */
    @Test
    void withoutCircularPaddingTheFileIsNotRewritten() throws IOException {
        Path unet = ModelFiles.resolve(TestModels.component(TestModels.FP32, "unet"));
        assertTrue(OnnxEngine.rewrittenModel(unet, TestModels.CPU).isEmpty());
        byte[] file = Files.readAllBytes(unet);
        assertNotEquals(file.length, OnnxEngine.rewrittenModel(unet, SEAMLESS).orElseThrow().length);

        // the text encoder has no Conv: rewriting returns the very bytes
        byte[] textEncoder = Files.readAllBytes(
                ModelFiles.resolve(TestModels.component(TestModels.FP32, "text_encoder")));
        assertSame(textEncoder, CircularPadding.rewrite(textEncoder));
    }

    /** A one-Conv model against circular and zero-padded convolutions computed here, symmetric and uneven pads. */
    @Test
    void convPadsCircularlyAsComputedByHand(@TempDir Path dir) throws IOException {
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7 % 16) - 5.5f; // 4x4, no symmetry
        }
        float[] weight = {1, 2, 3, 4, 0.5f, 6, 7, 8, 9};
        for (long[] pads : new long[][] {{1, 1, 1, 1}, {1, 2, 0, 1}}) {
            Path model = dir.resolve("conv-" + pads[0] + pads[1] + pads[2] + pads[3] + ".onnx");
            Files.write(model, OnnxProtos.convModel(4, 4, weight, 3, 3, pads, false));
            int outH = (int) (4 + pads[0] + pads[2] - 2);
            int outW = (int) (4 + pads[1] + pads[3] - 2);
            for (boolean circular : new boolean[] {false, true}) {
                float[] expected = conv(x, 4, 4, weight, pads, circular);
                try (InferenceSession session = new OnnxEngine().open(model,
                        TestModels.CPU.withCircularPadding(circular))) {
                    Tensor y = session.run(Map.of("x", Tensor.ofFloats(x, 1, 1, 4, 4))).get("y");
                    assertArrayEquals(new long[] {1, 1, outH, outW}, y.shape());
                    assertArrayEquals(expected, y.floats(), 1e-4f,
                            (circular ? "circular" : "zero") + " pads " + java.util.Arrays.toString(pads));
                }
            }
        }
    }

    /**
     * One axis circular, the other zero-padded: the zero axis keeps its pads in the Conv, and a corner (out of
     * range on the zero axis) reads 0, as InvokeAI's circular-then-constant padding gives.
     */
    @Test
    void convPadsCircularlyOnOneAxisAsComputedByHand(@TempDir Path dir) throws IOException {
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7 % 16) - 5.5f;
        }
        float[] weight = {1, 2, 3, 4, 0.5f, 6, 7, 8, 9};
        long[] pads = {1, 2, 0, 1};
        Path model = dir.resolve("conv.onnx");
        Files.write(model, OnnxProtos.convModel(4, 4, weight, 3, 3, pads, false));
        for (boolean[] axes : new boolean[][] {{true, false}, {false, true}}) {
            float[] expected = conv(x, 4, 4, weight, pads, axes[1], axes[0]);
            try (InferenceSession session = new OnnxEngine().open(model,
                    TestModels.CPU.withCircularAxes(axes[0], axes[1]))) {
                Tensor y = session.run(Map.of("x", Tensor.ofFloats(x, 1, 1, 4, 4))).get("y");
                assertArrayEquals(new long[] {1, 1, 3, 5}, y.shape());
                assertArrayEquals(expected, y.floats(), 1e-4f, "x " + axes[0] + ", y " + axes[1]);
            }
            assertTrue(!java.util.Arrays.equals(expected, conv(x, 4, 4, weight, pads, true)), "both axes differ");
        }
    }

    @Test
    void externalDataIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("external.onnx");
        Files.write(model, OnnxProtos.convModel(4, 4, new float[9], 3, 3, new long[] {1, 1, 1, 1}, true));
        InferenceException e = assertThrows(InferenceException.class, () -> new OnnxEngine().open(model, SEAMLESS));
        assertTrue(e.getMessage().contains("self-contained") && !e.getMessage().contains("\n"), e.getMessage());
    }

    /** A 3x3 cross-correlation (ONNX Conv) of one h x w plane, padded circularly or with zeros. */
    private static float[] conv(float[] x, int h, int w, float[] weight, long[] pads, boolean circular) {
        return conv(x, h, w, weight, pads, circular, circular);
    }

    /**
     * The same with each axis padded its own way: a circular axis wraps, and a tap outside the plane on a
     * zero-padded axis reads 0.
     */
    private static float[] conv(float[] x, int h, int w, float[] weight, long[] pads, boolean circularRows,
                                boolean circularColumns) {
        int top = (int) pads[0];
        int left = (int) pads[1];
        int outH = h + top + (int) pads[2] - 2;
        int outW = w + left + (int) pads[3] - 2;
        float[] y = new float[outH * outW];
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                float sum = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        int r = i + a - top;
                        int c = j + b - left;
                        int row = circularRows ? Math.floorMod(r, h) : r;
                        int column = circularColumns ? Math.floorMod(c, w) : c;
                        if (row >= 0 && row < h && column >= 0 && column < w) {
                            sum += weight[a * 3 + b] * x[row * w + column];
                        }
                    }
                }
                y[i * outW + j] = sum;
            }
        }
        return y;
    }

    private static boolean isZero(long[] values) {
        return java.util.Arrays.stream(values).allMatch(v -> v == 0);
    }

    private static float[] decode(EngineOptions options, Map<String, Tensor> inputs) {
        try (InferenceSession decoder = new OnnxEngine().open(TestModels.component(TestModels.FP32, "vae_decoder"),
                options)) {
            return decoder.run(inputs).get("sample").floats();
        }
    }

    /** 4x8x8 latents periodic over the tile: sin along x plus cos along y, each channel its own phases. */
    private static float[] periodicLatents(long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] z = new float[4 * 8 * 8];
        for (int c = 0; c < 4; c++) {
            double phaseX = random.nextDouble() * 2 * Math.PI;
            double phaseY = random.nextDouble() * 2 * Math.PI;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    z[c * 64 + y * 8 + x] = (float) (Math.sin(2 * Math.PI * x / 8 + phaseX)
                            + Math.cos(2 * Math.PI * y / 8 + phaseY));
                }
            }
        }
        return z;
    }

    private static Map<String, Tensor> unetInputs(float[] x, int size) {
        return Map.of("sample", Tensor.ofFloats(x, 2, 4, size, size),
                "timestep", Tensor.ofFloats(new float[] {500f, 500f}, 2),
                "encoder_hidden_states", Tensor.ofFloats(TestModels.noise(2 * 77 * 32, 2), 2, 77, 32));
    }

    /** {@code values} ({@code planes} planes of {@code h x w}) rolled by {@code dy} rows and {@code dx} columns. */
    private static float[] roll(float[] values, int planes, int h, int w, int dy, int dx) {
        float[] out = new float[values.length];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[p * h * w + ((y + dy) % h) * w + (x + dx) % w] = values[p * h * w + y * w + x];
                }
            }
        }
        return out;
    }

    /** Mean |differences| across the wrap-around seams and between interior neighbours. */
    record Edges(double leftRight, double interiorColumns, double topBottom, double interiorRows) {

        static Edges of(float[] image, int channels, int h, int w) {
            double leftRight = 0;
            double columns = 0;
            double topBottom = 0;
            double rows = 0;
            for (int c = 0; c < channels; c++) {
                int plane = c * h * w;
                for (int y = 0; y < h; y++) {
                    leftRight += Math.abs(image[plane + y * w] - image[plane + y * w + w - 1]);
                    for (int x = 0; x + 1 < w; x++) {
                        columns += Math.abs(image[plane + y * w + x] - image[plane + y * w + x + 1]);
                    }
                }
                for (int x = 0; x < w; x++) {
                    topBottom += Math.abs(image[plane + x] - image[plane + (h - 1) * w + x]);
                    for (int y = 0; y + 1 < h; y++) {
                        rows += Math.abs(image[plane + y * w + x] - image[plane + (y + 1) * w + x]);
                    }
                }
            }
            return new Edges(leftRight / (channels * h), columns / (channels * h * (w - 1)),
                    topBottom / (channels * w), rows / (channels * w * (h - 1)));
        }
    }
}
