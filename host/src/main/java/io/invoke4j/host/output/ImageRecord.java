package io.invoke4j.host.output;

import io.invoke4j.api.Variation;
import java.util.List;

/**
 * What is recorded about one generated image: the values of InvokeAI's {@code sd-metadata}, the canonical
 * command of the {@code Dream} chunk, and what A1111's {@code parameters} chunk needs.
 *
 * @param prompt    the prompt as typed (with {@code [negative]} parts and weights)
 * @param seed      the image seed
 * @param steps     {@code -s}
 * @param cfgScale  {@code -C}
 * @param width     {@code -W} as typed (or the model default)
 * @param height    {@code -H} as typed (or the model default)
 * @param sampler   sampler name ({@code k_lms})
 * @param modelId   the {@code --model} value, or {@code null} when the default model was used
 * @param modelHash sha256 hex of the model (see {@code ModelHash}), or {@code null} if unknown
 * @param command   the canonical command string (the {@code Dream} chunk and the log line)
 * @param variations the {@code -V} blends of the image's noise, as recorded in its command (empty for none)
 * @param gridSeeds  for a grid image, the seed of every cell in order; empty for a single image
 * @param img2img    what an img2img or inpainting image was made from; {@code null} for txt2img
 * @param postprocessed what {@code -G}/{@code -U} did to the image; {@code null} when nothing did
 * @param threshold {@code --threshold}, 0 when not given
 * @param perlin    {@code --perlin}, 0 when not given
 */
public record ImageRecord(
        String prompt,
        long seed,
        int steps,
        double cfgScale,
        int width,
        int height,
        String sampler,
        String modelId,
        String modelHash,
        String command,
        List<Variation> variations,
        List<Long> gridSeeds,
        Img2Img img2img,
        Postprocessed postprocessed,
        double threshold,
        double perlin) {

    /**
     * @param strength {@code -f}
     * @param origHash sha256 hex of the init image file
     * @param initMask the {@code -M} path, or {@code null}
     * @param inpaintReplace {@code -r}, 0 when not given
     */
    public record Img2Img(double strength, String origHash, String initMask, double inpaintReplace) {
    }

    /**
     * The post-processing of a generated image, as InvokeAI 2.2.5 records its switches ({@code facetool},
     * {@code facetool_strength}, {@code upscale}), and the tools that ran, in order.
     *
     * @param facetool         {@code -ft}
     * @param facetoolStrength {@code -G}, 0 when not given
     * @param upscale          {@code -U} with its strength, or {@code null}
     * @param tools            what ran: {@code gfpgan}, {@code codeformer}, {@code upscale}
     */
    public record Postprocessed(String facetool, double facetoolStrength, List<Double> upscale, List<String> tools) {
        public Postprocessed {
            upscale = upscale == null ? null : List.copyOf(upscale);
            tools = List.copyOf(tools);
        }
    }

    public ImageRecord {
        variations = List.copyOf(variations);
        gridSeeds = List.copyOf(gridSeeds);
    }

    /** An image that was not post-processed. */
    public ImageRecord(String prompt, long seed, int steps, double cfgScale, int width, int height, String sampler,
                       String modelId, String modelHash, String command, List<Variation> variations,
                       List<Long> gridSeeds, Img2Img img2img) {
        this(prompt, seed, steps, cfgScale, width, height, sampler, modelId, modelHash, command, variations, gridSeeds,
                img2img, null, 0, 0);
    }

    /** This record with what post-processing did. */
    public ImageRecord postprocessed(Postprocessed what) {
        return new ImageRecord(prompt, seed, steps, cfgScale, width, height, sampler, modelId, modelHash, command,
                variations, gridSeeds, img2img, what, threshold, perlin);
    }

    /** This record with the {@code --threshold} and {@code --perlin} the image was made with. */
    public ImageRecord withNoiseShaping(double threshold, double perlin) {
        return new ImageRecord(prompt, seed, steps, cfgScale, width, height, sampler, modelId, modelHash, command,
                variations, gridSeeds, img2img, postprocessed, threshold, perlin);
    }

    /** A single image without variations. */
    public ImageRecord(String prompt, long seed, int steps, double cfgScale, int width, int height, String sampler,
                       String modelId, String modelHash, String command) {
        this(prompt, seed, steps, cfgScale, width, height, sampler, modelId, modelHash, command, List.of(), List.of(), null,
                null, 0, 0);
    }
}
