package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import io.invoke4j.host.generate.LatentDecoder;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.noise.TorchGenerator;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.plugins.Plugins;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One whole txt2img through the distribution's real plugins (ONNX Runtime engine, k_euler sampler) against
 * InvokeAI 2.2.5's own run on the same weights ({@code refs/e2e_txt2img.json} and {@code .png}):
 * {@code "a red fox in the snow" -s 10 -S 123 -W 256 -H 256 -C 7.5 -A k_euler}.
 */
class ReferenceTxt2ImgIT {
    private static JsonNode ref;
    private static Plugins plugins;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceTxt2ImgIT.class.getResourceAsStream("/refs/e2e_txt2img.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        plugins = Plugins.load(Launcher.dist().resolve("plugins"), false, Guice.createInjector());
    }

    @AfterAll
    static void unload() {
        plugins.close();
    }

    /** A model session that records what the UNet was given. */
    private static final class RecordingSession implements InferenceSession {
        final InferenceSession delegate;
        final List<Map<String, Tensor>> calls = new ArrayList<>();

        RecordingSession(InferenceSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<TensorInfo> inputs() {
            return delegate.inputs();
        }

        @Override
        public List<TensorInfo> outputs() {
            return delegate.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            Map<String, Tensor> copy = new java.util.HashMap<>();
            inputs.forEach((k, v) -> copy.put(k, v.isFloating()
                    ? Tensor.ofFloats(v.floats().clone(), v.shape()) : Tensor.ofLongs(v.longs().clone(), v.shape())));
            calls.add(copy);
            return delegate.run(inputs);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private record Run(List<float[]> xAfterStep, Latents latents, Tensor decoded, RecordingSession unet) {
    }

    private static Run generate(String folder) {
        Map<String, RecordingSession> sessions = new java.util.HashMap<>();
        StableDiffusionModel model = StableDiffusionModel.open(Launcher.dist().resolve("models").resolve(folder),
                plugins.engines().get("onnx"), EngineOptions.defaults(), (part, s) -> {
                    RecordingSession r = new RecordingSession(s);
                    sessions.put(part, r);
                    return r;
                });
        try {
            List<float[]> xs = new ArrayList<>();
            PromptEncoder prompts = new PromptEncoder(model.tokenizer(), model.textEncoder());
            TorchGenerator generator = new TorchGenerator(123);
            float[] noise = new float[4 * 32 * 32];
            generator.randn(noise);
            Txt2ImgPipeline.Result result = new Txt2ImgPipeline(model).generate(
                    new Txt2ImgPipeline.Txt2ImgParams(prompts.encode("a red fox in the snow"), prompts.encode(""), noise,
                            generator, 10, 7.5f, 256, 256, 30),
                    plugins.samplers().get("k_euler"),
                    (step, steps, x, denoised) -> xs.add(x.data().clone()));
            return new Run(xs, result.latents(), result.decoded(), sessions.get("unet"));
        } finally {
            model.close();
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(array.get(i).asText());
        }
        return out;
    }

    /** max|a - b| over the first {@code b.length} values of a. */
    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < b.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void assertLatentsMatch(Run run, double relative) {
        // the UNet saw InvokeAI's timesteps and scaled inputs, call by call (batch of 2: uncond, cond)
        JsonNode calls = ref.get("unet_calls");
        assertEquals(calls.size(), run.unet().calls.size(), "UNet calls");
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Tensor> call = run.unet().calls.get(i);
            float[] t = floats(calls.get(i).get("t"));
            Tensor timestep = call.get("timestep");
            double got = timestep.isFloating() ? timestep.floats()[0] : timestep.longs()[0];
            assertEquals(t[0], got, timestep.isFloating() ? 1e-3 : 0.5, "timestep of call " + i);
            assertEquals(2, call.get("sample").dim(0), "CFG runs as one batch of 2");
            float[] xIn = floats(calls.get(i).get("x_in_first8"));
            assertTrue(maxDiff(call.get("sample").floats(), xIn) <= relative * Math.max(1, maxAbs(xIn)),
                    "UNet input of call " + i);
        }
        // x entering step i+1 is x after step i
        JsonNode steps = ref.get("steps");
        for (int i = 0; i + 1 < steps.size(); i++) {
            float[] expected = floats(steps.get(i + 1).get("x_first16"));
            double tolerance = relative * Math.max(1, maxAbs(expected));
            assertTrue(maxDiff(run.xAfterStep().get(i), expected) <= tolerance,
                    "x after step " + i + ": off by " + maxDiff(run.xAfterStep().get(i), expected));
        }
        float[] expected = floats(ref.get("final_latents"));
        assertArrayEquals(new int[] {1, 4, 32, 32}, run.latents().shape());
        double diff = maxDiff(run.latents().data(), expected);
        System.out.printf("[reference] final latents max|diff| %.3g (max|ref| %.3g)%n", diff, maxAbs(expected));
        assertTrue(diff <= relative * Math.max(1, maxAbs(expected)), "final latents off by " + diff);
    }

    private static void assertImageMatches(Tensor decoded, double maxChannelDiff, double meanDiff) throws IOException {
        BufferedImage expected;
        try (InputStream in = ReferenceTxt2ImgIT.class.getResourceAsStream("/refs/e2e_txt2img.png")) {
            expected = ImageIO.read(in);
        }
        BufferedImage actual = LatentDecoder.toImage(decoded);
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int[] max = new int[3];
        long[] sum = new long[3];
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int d = Math.abs(((a >> (16 - 8 * c)) & 0xff) - ((e >> (16 - 8 * c)) & 0xff));
                    max[c] = Math.max(max[c], d);
                    sum[c] += d;
                }
            }
        }
        double pixels = expected.getWidth() * (double) expected.getHeight();
        System.out.printf("[reference] image per-channel max diff %s, mean %.4f%n", java.util.Arrays.toString(max),
                (sum[0] + sum[1] + sum[2]) / (3 * pixels));
        for (int c = 0; c < 3; c++) {
            assertTrue(max[c] <= maxChannelDiff, "channel " + c + " max diff " + max[c]);
            assertTrue(sum[c] / pixels <= meanDiff, "channel " + c + " mean diff " + sum[c] / pixels);
        }
    }

    @Test
    void float32ModelReproducesInvokeAi() throws IOException {
        Run run = generate("tiny-sd");
        // the README's tolerance: ONNX Runtime and torch kernels differ in the last bits
        assertLatentsMatch(run, 1e-3);
        assertImageMatches(run.decoded(), 2, 0.1);
    }

    @Test
    void float16ModelReproducesInvokeAiWithinHalfPrecision() throws IOException {
        Run run = generate("tiny-sd-fp16");
        // float16 keeps 11 significant bits (a relative rounding of up to 4.9e-4 per value) in every weight,
        // activation and UNet output; over 10 guided steps the final latents measure 7.9e-4 of their scale off
        // the float32 reference (0.048 of 60.9). 2e-3 leaves room for CPU kernel differences without hiding a
        // real fault (a wrong timestep or schedule moves them by whole percents). The image rounds to the
        // same 8-bit levels as float32's, so it is held to the README's image tolerance unchanged.
        assertLatentsMatch(run, 2e-3);
        assertImageMatches(run.decoded(), 2, 0.1);
    }
}
