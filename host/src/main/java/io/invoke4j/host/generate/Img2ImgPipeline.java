package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.api.Tensor;
import io.invoke4j.host.noise.TorchGenerator;
import java.util.Arrays;

/**
 * Image to image and inpainting as InvokeAI runs them, top to bottom: take the encoded prompt, noise the init
 * latents to the level {@code strength} picks (and, when inpainting with {@code -r}, move the repainted area toward
 * fresh noise), run the sampler over the rest of the schedule (re-imposing the kept
 * area before every step when inpainting), decode.
 *
 * <p>The init image is encoded once per command by {@link LatentEncoder} (InvokeAI encodes it before seeding, so
 * every image of a {@code -n} series starts from the same latents); this pipeline then runs once per image. The
 * sampler for inpainting is chosen by {@link InpaintingSampler} first.
 */
public final class Img2ImgPipeline {
    private final StableDiffusionModel model;
    private final LatentDecoder decoder;

    public Img2ImgPipeline(StableDiffusionModel model) {
        this.model = model;
        this.decoder = new LatentDecoder(model.vaeDecoder());
    }

    /**
     * What one image needs.
     *
     * @param cond        hidden states of the prompt, {@code [1, 77, D]}
     * @param uncond      hidden states of the negative (usually empty) prompt, {@code [1, 77, D]}
     * @param initLatents the encoded init image ({@link LatentEncoder}), {@code [1, 4, h, w]}; not changed
     * @param mask        the latent inpainting mask ({@link InitImage#latentMask()}), same shape as
     *                    {@code initLatents}, 1 = keep, 0 = repaint; {@code null} for plain img2img
     * @param generator   torch's generator seeded for this image ({@code new TorchGenerator(seed)}), or as an
     *                    earlier pass left it (hires fix draws on from the first pass)
     * @param strength    {@code -f}: how much of the schedule is run again, [0, 1]
     * @param karrasMax   {@code --karras_max}: sigma samplers use karras sigmas below this many steps
     * @param inpaintReplace {@code -r}: how much of the start latents under the repainted area becomes fresh noise,
     *                    [0, 1] ({@link InpaintReplace}); only with a mask
     */
    public record Img2ImgParams(Tensor cond, Tensor uncond, Latents initLatents, Latents mask, TorchGenerator generator,
                                int steps,
                                double strength, float cfgScale, int karrasMax, double inpaintReplace) {
        public Img2ImgParams {
            if (mask != null && !Arrays.equals(mask.shape(), initLatents.shape())) {
                throw new IllegalArgumentException("the mask " + mask + " does not match the init latents " + initLatents);
            }
            if (inpaintReplace != 0.0 && mask == null) {
                throw new IllegalArgumentException("inpaint_replace acts on the repainted area: it needs a mask");
            }
        }
    }

    /**
     * Runs one img2img or inpainting generation.
     *
     * @param sampler the sampler to run; with a mask it must walk timesteps (DDIM or PLMS), see
     *                {@link InpaintingSampler#choose}
     * @param progress told of each of the {@code t_enc} steps
     */
    public Txt2ImgPipeline.Result generate(Img2ImgParams p, Sampler sampler, SamplingProgress progress) {
        ScheduleKind kind = sampler.scheduleKind();
        if (p.mask() != null && kind != ScheduleKind.TIMESTEPS) {
            throw new IllegalArgumentException("inpainting runs DDIM or PLMS, not " + sampler.name()
                    + ": choose the sampler with InpaintingSampler");
        }
        // 1. the prompt comes encoded (p.cond(), p.uncond()): prompt handling is the caller's

        // 2. the schedule left after strength, and the init latents noised to its start, from the seed
        DiscreteSchedule schedule = model.schedule();
        Img2ImgSchedule img2img = Img2ImgSchedule.of(schedule, kind, p.steps(), p.strength(), p.karrasMax());
        TorchGenerator generator = p.generator();
        Latents x = img2img.noisedStart(p.initLatents(), generator);
        if (p.mask() != null) {
            InpaintReplace.apply(x, p.mask(), p.inpaintReplace(), generator);
        }

        // 3. denoise; inpainting puts the kept area back to the noised init before every step
        Latents latents = x;
        if (img2img.tEnc() > 0) {
            InpaintBlend blend = p.mask() == null ? null
                    : new InpaintBlend(schedule, p.initLatents(), p.mask(), generator);
            Img2ImgSamplerContext context = new Img2ImgSamplerContext(generator, progress,
                    schedule.alphasCumprod(), img2img.timesteps(), img2img.tEnc(), blend);
            GuidedDenoiser denoiser = new GuidedDenoiser(model.unet(), schedule, p.uncond(), p.cond(), p.cfgScale(),
                    x.shape());
            context.beforeFirstStep(x);
            progress.samplingStarts(x);
            latents = sampler.sample(denoiser, x, img2img.sigmas(), context);
        }

        // 4. decode
        return new Txt2ImgPipeline.Result(latents, decoder.decode(latents));
    }
}
