package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.Tensor;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.TorchGenerator;
import io.invoke4j.host.plugins.Plugins;
import org.junit.jupiter.api.Test;

/**
 * {@code --seamless} makes images that tile: with every convolution of the UNet and the VAE padding circularly,
 * the whole pipeline commutes with wrap-around shifts. Start noise rolled by eight latent columns gives the same
 * image rolled by 64 pixels; with zero padding it does not. (A statistic on the edges of one image cannot show
 * this on the random-weight test model, whose images are noise.)
 */
class SeamlessIT {
    private static final int LATENT = 16;
    // the UNet downsamples three times by 2: only shifts by multiples of 8 latents commute with it
    private static final int SHIFT = 8;

    /** Decoded values of a 128x128 txt2img (k_euler, deterministic) from the given start noise. */
    private static float[] render(StableDiffusionModel model, Sampler sampler, float[] noise) {
        PromptEncoder prompts = new PromptEncoder(model.tokenizer(), model.textEncoder());
        Tensor cond = prompts.encode("a tiled floor");
        Tensor uncond = prompts.encode("");
        return new Txt2ImgPipeline(model).generate(new Txt2ImgPipeline.Txt2ImgParams(cond, uncond, noise.clone(),
                new TorchGenerator(1), 6, 7.5f, 128, 128, 30), sampler, (step, steps, x, denoised) -> { })
                .decoded().floats();
    }

    /** {@code noise} rolled right by {@code SHIFT} columns in every channel. */
    private static float[] rollLatent(float[] noise) {
        float[] out = new float[noise.length];
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < LATENT; y++) {
                for (int x = 0; x < LATENT; x++) {
                    out[(c * LATENT + y) * LATENT + (x + SHIFT) % LATENT] = noise[(c * LATENT + y) * LATENT + x];
                }
            }
        }
        return out;
    }

    /** max |image(x) - rolled(x + 8 * SHIFT)| over all channels and pixels. */
    private static double rollError(float[] image, float[] rolled) {
        int size = LATENT * 8;
        int pixels = 8 * SHIFT;
        double max = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float a = image[(c * size + y) * size + x];
                    float b = rolled[(c * size + y) * size + (x + pixels) % size];
                    max = Math.max(max, Math.abs(a - b));
                }
            }
        }
        return max;
    }

    @Test
    void aRolledStartGivesTheSameImageRolledOnlyWhenSeamless() {
        float[] noise = new float[4 * LATENT * LATENT];
        new TorchGenerator(42).randn(noise);
        try (Plugins plugins = Plugins.load(Launcher.dist().resolve("plugins"), false, Guice.createInjector());
             StableDiffusionModel model = StableDiffusionModel.open(Launcher.dist().resolve("models/tiny-sd"),
                     plugins.engines().get("onnx"), EngineOptions.defaults(), SessionWrapper.NONE)) {
            Sampler euler = plugins.samplers().get("k_euler");
            double seamless = rollError(render(model.seamless(), euler, noise),
                    render(model.seamless(), euler, rollLatent(noise)));
            double plain = rollError(render(model, euler, noise), render(model, euler, rollLatent(noise)));
            System.out.printf("[seamless] max |image - rolled image| after a 64-pixel roll: seamless %.2e, plain %.2e%n",
                    seamless, plain);
            // float32 kernels on shifted data differ in the last bits only; zero padding moves whole edges
            assertTrue(seamless < 1e-3, "seamless " + seamless);
            assertTrue(plain > 100 * seamless, "plain " + plain);
        }
    }
}
