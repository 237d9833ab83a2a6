package io.invoke4j.host.model;

import io.invoke4j.api.Latents;
import io.invoke4j.host.generate.Img2ImgPipeline;
import io.invoke4j.host.generate.LatentEncoder;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import java.awt.image.BufferedImage;
import java.util.function.Function;

/**
 * The pipelines over one set of opened networks: the model's own, or its seamless variant.
 *
 * @param txt2img     text to image (and hires fix's first pass)
 * @param img2img     img2img, inpainting, and hires fix's second pass
 * @param initEncoder an init image to latents
 */
public record Pipelines(Txt2ImgPipeline txt2img, Img2ImgPipeline img2img, Function<BufferedImage, Latents> initEncoder) {

    /** The pipelines over {@code model}'s networks. */
    public static Pipelines over(StableDiffusionModel model) {
        return new Pipelines(new Txt2ImgPipeline(model), new Img2ImgPipeline(model),
                image -> new LatentEncoder(model.vaeEncoder()).encode(image));
    }
}
