package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.api.Tensor;
import io.invoke4j.host.noise.TorchGenerator;
import java.awt.image.BufferedImage;

/**
 * Text to image as InvokeAI 2.2.5 runs it, top to bottom: take the encoded prompt, prepare the latents from the
 * image's noise, run the sampler over the schedule, decode.
 */
public final class Txt2ImgPipeline {
    private final StableDiffusionModel model;
    private final LatentDecoder decoder;

    public Txt2ImgPipeline(StableDiffusionModel model) {
        this.model = model;
        this.decoder = new LatentDecoder(model.vaeDecoder());
    }

    /**
     * What one image needs.
     *
     * @param cond      the prompt's hidden states ({@code [1, 77, D]})
     * @param uncond    the negative prompt's hidden states
     * @param noise     the start noise {@code x_T}, {@code 4 * height/8 * width/8} values; used in place
     * @param generator torch's generator as the noise left it: ancestral samplers draw on from it
     * @param width     multiple of 64
     * @param height    multiple of 64
     * @param threshold {@code --threshold}: k-samplers clamp each guided prediction ({@link CfgThreshold}); 0 is off
     */
    public record Txt2ImgParams(Tensor cond, Tensor uncond, float[] noise, TorchGenerator generator, int steps,
                                float cfgScale, int width, int height, int karrasMax, double threshold) {

        /** Without {@code --threshold}. */
        public Txt2ImgParams(Tensor cond, Tensor uncond, float[] noise, TorchGenerator generator, int steps,
                             float cfgScale, int width, int height, int karrasMax) {
            this(cond, uncond, noise, generator, steps, cfgScale, width, height, karrasMax, 0);
        }
    }

    /** The final latents and the decoded image values of one generation. */
    public record Result(Latents latents, Tensor decoded) {
    }

    /** Runs one txt2img generation. */
    public Result generate(Txt2ImgParams p, Sampler sampler, SamplingProgress progress) {
        Latents latents = denoise(p, sampler, progress);
        // 4. decode
        return new Result(latents, decoder.decode(latents));
    }

    /** The image of {@code latents} as the VAE decodes it, as {@code --save_intermediates} shows a step. */
    public BufferedImage decodeImage(Latents latents) {
        return LatentDecoder.toImage(decoder.decode(latents));
    }

    /** Steps 1-3 of {@link #generate}: the final latents, not decoded (hires fix works on them). */
    public Latents denoise(Txt2ImgParams p, Sampler sampler, SamplingProgress progress) {
        // 1. the prompt comes encoded (once per text, see PromptEncoder)
        Tensor cond = p.cond();
        Tensor uncond = p.uncond();

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
        TorchGenerator generator = p.generator();
        Latents x = new Latents(p.noise(), shape);
        if (kind != ScheduleKind.TIMESTEPS) {
            x.scale(sigmas[0]);
        }

        // 3. denoise
        // InvokeAI's KSampler builds its CFGDenoiser with the threshold; its DDIM and PLMS samplers take none
        CfgThreshold threshold = kind != ScheduleKind.TIMESTEPS && p.threshold() > 0
                ? new CfgThreshold(p.threshold(), p.steps()) : null;
        GuidedDenoiser denoiser = new GuidedDenoiser(model.unet(), schedule, uncond, cond, p.cfgScale(), shape,
                threshold);
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
        progress.samplingStarts(x);
        return sampler.sample(denoiser, x, sigmas, context);
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
