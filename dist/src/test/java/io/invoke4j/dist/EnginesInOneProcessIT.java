package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.host.generate.LatentDecoder;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.TorchGenerator;
import io.invoke4j.host.plugins.Plugins;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The onnx and djl engines loaded together from the distribution, each running whole txt2img images in one
 * process: ONNX Runtime has one owner (the application class loader) and its native library is mapped once, and the
 * engines make the same images, which are InvokeAI 2.2.5's ({@code refs/e2e_txt2img.png}, the command of
 * {@link ReferenceTxt2ImgIT}).
 *
 * <p>This class runs in a JVM of its own (dist/pom.xml): ONNX Runtime keeps one environment per process and DJL's
 * OnnxRuntime engine must create it, which the djl plugin does when it starts; in the shared test JVM an earlier
 * test's plugins would have created it first.
 */
class EnginesInOneProcessIT {
    private static final String PROMPT = "a red fox in the snow";
    private static final int SIZE = 256;
    private static final int STEPS = 10;
    private static final long SEED = 123;

    private static Plugins plugins;

    @BeforeAll
    static void load() {
        plugins = Plugins.load(Launcher.dist().resolve("plugins"), false, Guice.createInjector());
    }

    @AfterAll
    static void unload() {
        plugins.close();
    }

    /** {@code "a red fox in the snow" -s 10 -S 123 -W 256 -H 256 -C 7.5 -A k_euler} on {@code models/<folder>}. */
    private static BufferedImage txt2img(String engineName, String folder) {
        InferenceEngine engine = plugins.engines().get(engineName);
        try (StableDiffusionModel model = StableDiffusionModel.open(Launcher.dist().resolve("models").resolve(folder),
                engine, EngineOptions.defaults(), SessionWrapper.NONE)) {
            PromptEncoder prompts = new PromptEncoder(model.tokenizer(), model.textEncoder());
            TorchGenerator generator = new TorchGenerator(SEED);
            float[] noise = new float[4 * (SIZE / 8) * (SIZE / 8)];
            generator.randn(noise);
            Txt2ImgPipeline.Result result = new Txt2ImgPipeline(model).generate(
                    new Txt2ImgPipeline.Txt2ImgParams(prompts.encode(PROMPT), prompts.encode(""), noise, generator,
                            STEPS, 7.5f, SIZE, SIZE, 30),
                    plugins.samplers().get("k_euler"), (step, steps, x, denoised) -> { });
            return LatentDecoder.toImage(result.decoded());
        }
    }

    private static BufferedImage invokeAiReference() throws IOException {
        try (InputStream in = EnginesInOneProcessIT.class.getResourceAsStream("/refs/e2e_txt2img.png")) {
            return ImageIO.read(in);
        }
    }

    /** {max over channels and pixels of |a - b| in 8-bit levels, mean of |a - b|}. */
    static double[] pixelDiff(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int max = 0;
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    max = Math.max(max, d);
                    sum += d;
                }
            }
        }
        return new double[] {max, sum / (3.0 * a.getWidth() * a.getHeight())};
    }

    private static void assertSameImage(String label, BufferedImage expected, BufferedImage actual, int maxLevels)
            throws IOException {
        double[] diff = pixelDiff(expected, actual);
        double[] reference = pixelDiff(invokeAiReference(), actual);
        System.out.printf("[engines] %s: max |diff| %d/255 (mean %.4f); vs InvokeAI 2.2.5: max %d/255 (mean %.4f)%n",
                label, (int) diff[0], diff[1], (int) reference[0], reference[1]);
        assertTrue(diff[0] <= maxLevels, label + ": " + (int) diff[0] + "/255");
        // ReferenceTxt2ImgIT's tolerance for the onnx engine, held to every engine
        assertTrue(reference[0] <= 2 && reference[1] <= 0.1, label + " vs InvokeAI: " + (int) reference[0] + "/255");
    }

    @Test
    void tinySdThroughEitherEngineGivesTheSameImage() throws IOException {
        assertSameImage("tiny-sd onnx vs djl", txt2img("onnx", "tiny-sd"), txt2img("djl", "tiny-sd"), 1);
    }

    @Test
    void tinySdFp16ThroughEitherEngineGivesTheSameImage() throws IOException {
        assertSameImage("tiny-sd-fp16 onnx vs djl", txt2img("onnx", "tiny-sd-fp16"), txt2img("djl", "tiny-sd-fp16"), 1);
    }

    @Test
    void theTorchScriptExportThroughPyTorchGivesTheOnnxImage() throws IOException {
        assertSameImage("tiny-sd onnx vs tiny-sd-torchscript djl (PyTorch)", txt2img("onnx", "tiny-sd"),
                txt2img("djl", "tiny-sd-torchscript"), 2);
    }

    @Test
    void onnxRuntimeHasOneOwnerWhileBothEnginesRun() throws Exception {
        // a model through each engine first, so both have loaded what they load
        txt2img("onnx", "tiny-sd");
        txt2img("djl", "tiny-sd");
        ClassLoader onnxLoader = plugins.engines().get("onnx").getClass().getClassLoader();
        ClassLoader djlLoader = plugins.engines().get("djl").getClass().getClassLoader();
        ClassLoader application = ClassLoader.getSystemClassLoader();
        assertNotSame(onnxLoader, djlLoader, "each plugin has its own class loader");
        Class<?> ort = application.loadClass("ai.onnxruntime.OrtEnvironment");
        assertSame(ort, onnxLoader.loadClass("ai.onnxruntime.OrtEnvironment"));
        assertSame(ort, djlLoader.loadClass("ai.onnxruntime.OrtEnvironment"));
        assertSame(application, ort.getClassLoader());
        // DJL is the djl plugin's own, not the application's
        assertSame(djlLoader, djlLoader.loadClass("ai.djl.engine.Engine").getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> application.loadClass("ai.djl.engine.Engine"));
        // and the process has mapped one ONNX Runtime native library: a second class loader loading it would have
        // extracted and mapped a second copy
        Set<String> mapped = mappedLibraries("libonnxruntime.so");
        System.out.println("[engines] ONNX Runtime native libraries mapped: " + mapped);
        assertEquals(1, mapped.size(), mapped::toString);
        // libtorch is loaded with the first TorchScript model (another test here), never twice
        assertTrue(mappedLibraries("libtorch_cpu.so").size() <= 1);
    }

    /** The distinct files named {@code name} that this process has mapped (Linux). */
    private static Set<String> mappedLibraries(String name) throws IOException {
        Set<String> files = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] fields = line.trim().split("\\s+");
            String file = fields[fields.length - 1];
            if (file.endsWith("/" + name)) {
                files.add(file);
            }
        }
        return files;
    }

    @Test
    void bothEnginesAreLoaded() {
        assertEquals(List.of("djl", "onnx"), plugins.engines().names());
    }
}
