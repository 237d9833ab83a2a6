package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.api.Tensor;
import io.invoke4j.host.noise.TorchGenerator;

/**
 * Text to image as InvokeAI 2.2.5 runs it, top to bottom: encode the prompt, prepare the latents from the
 * seed, run the sampler over the schedule, decode.
 */
public final class Txt2ImgPipeline {
    private final StableDiffusionModel model;
    private final PromptEncoder prompts;
    private final LatentDecoder decoder;

    public Txt2ImgPipeline(StableDiffusionModel model) {
        this.model = model;
        this.prompts = new PromptEncoder(model.tokenizer(), model.textEncoder());
        this.decoder = new LatentDecoder(model.vaeDecoder());
    }

    /** What one image needs. Width and height must be multiples of 64. */
    public record Txt2ImgParams(String prompt, String negativePrompt, long seed, int steps, float cfgScale,
                                int width, int height, int karrasMax) {
    }

    /** The final latents and the decoded image values of one generation. */
    public record Result(Latents latents, Tensor decoded) {
    }

    /** Runs one txt2img generation. */
    public Result generate(Txt2ImgParams p, Sampler sampler, SamplingProgress progress) {
        // 1. encode the prompt (cached per text)
        Tensor cond = prompts.encode(p.prompt());
        Tensor uncond = prompts.encode(p.negativePrompt());

        // 2. prepare the schedule and the latents from the seed
        int[] shape = {1, 4, p.height() / 8, p.width() / 8};
        DiscreteSchedule schedule = model.schedule();
        ScheduleKind kind = sampler.scheduleKind();
        int[] timesteps = kind == ScheduleKind.TIMESTEPS ? descending(schedule.ddimTimesteps(p.steps())) : new int[0];
        float[] sigmas = switch (kind) {
            case SIGMAS -> schedule.invokeAiSigmas(p.steps(), p.karrasMax());
            case KARRAS_SIGMAS -> schedule.karrasSigmas(p.steps());
            case TIMESTEPS -> sigmasOf(schedule, timesteps);
        };
        TorchGenerator generator = new TorchGenerator(p.seed());
        Latents x = new Latents(new float[shape[0] * shape[1] * shape[2] * shape[3]], shape);
        generator.randn(x.data());
        if (kind != ScheduleKind.TIMESTEPS) {
            x.scale(sigmas[0]);
        }

        // 3. denoise
        GuidedDenoiser denoiser = new GuidedDenoiser(model.unet(), schedule, uncond, cond, p.cfgScale(), shape);
        int steps = sigmas.length - 1;
        float[] alphas = schedule.alphasCumprod();
        SamplerContext context = new SamplerContext() {
            @Override
            public void randnLike(Latents out) {
                generator.randn(out.data());
            }

            @Override
            public void stepDone(int step, Latents current, Latents denoised) {
                progress.stepDone(step, steps, current, denoised);
            }

            @Override
            public float[] alphasCumprod() {
                return alphas;
            }

            @Override
            public int[] timesteps() {
                return timesteps;
            }
        };
        Latents latents = sampler.sample(denoiser, x, sigmas, context);

        // 4. decode
        return new Result(latents, decoder.decode(latents));
    }

    private static int[] descending(int[] ascending) {
        int[] out = new int[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            out[i] = ascending[ascending.length - 1 - i];
        }
        return out;
    }

    private static float[] sigmasOf(DiscreteSchedule schedule, int[] timesteps) {
        float[] table = schedule.sigmas();
        float[] sigmas = new float[timesteps.length + 1];
        for (int i = 0; i < timesteps.length; i++) {
            sigmas[i] = table[timesteps[i]];
        }
        return sigmas;
    }
}
