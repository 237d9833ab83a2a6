package io.invoke4j.api;

import java.util.Objects;

/**
 * Everything one {@code invoke>} command asks for, as typed.
 *
 * <p>A {@code null} field was not given on the line; the host fills it from the start-up switches and the
 * model's defaults (InvokeAI's rule: the per-line value unless absent, then the start-up value). Build one with
 * {@link #builder()}; change one with {@link #toBuilder()}.
 *
 * @param prompt     the prompt text exactly as typed, including {@code [negative]} parts and {@code :weights}
 * @param steps      {@code -s}: sampling steps
 * @param seed       {@code -S}: the first image's seed; {@code null} continues the seed chain
 * @param width      {@code -W}: width as typed (the host floors it to a multiple of 64 to run)
 * @param height     {@code -H}: height as typed
 * @param cfgScale   {@code -C}: classifier-free guidance scale
 * @param sampler    {@code -A}: sampler name
 * @param iterations {@code -n}: number of images
 * @param outdir     {@code -o}: output folder for this command only
 * @param grid {@code -g/--grid}: one grid image for the whole series
 * @param individual {@code -i/--individual}: separate images even when the start-up {@code --grid} is on
 * @param skipNormalize {@code -x/--skip_normalize}: sub-prompt weights are used as typed, not normalised
 * @param logTokenization {@code -t/--log_tokenization}: print how the prompt was tokenized
 * @param variationAmount {@code -v/--variation_amount}: how far each image's noise moves toward a new seed's, 0-1
 * @param withVariations {@code -V/--with_variations}: noise blends applied to the {@code -S} noise, in order
 * @param seamless {@code --seamless}: the image tiles
 * @param hiresFix {@code --hires_fix}: a low-resolution pass, upscaled, then an img2img pass
 * @param initImage {@code -I/--init_img}: the init image (img2img, inpainting)
 * @param initMask {@code -M/--init_mask}: the mask whose transparent areas are repainted
 * @param strength {@code -f/--strength}: how much img2img changes the init image, (0, 1)
 * @param fit {@code -T/--fit}: fit the init image into -W x -H, keeping its aspect
 * @param initColor {@code --init_color}: the image whose CIELAB colour histograms each generated image is matched to
 * @param invertMask {@code --invert_mask}: inpaint what the mask would keep, keep what it would repaint
 * @param inpaintReplace {@code -r/--inpaint_replace}: how much of the start latents under the repainted area is
 *                       replaced by fresh noise before sampling, 0-1
 * @param facetool {@code -ft/--facetool}: the face restorer {@code -G} runs ({@code gfpgan}, {@code codeformer})
 * @param facetoolStrength {@code -G/--facetool_strength}: how much of the restored faces to blend in, 0-1; 0 is off
 * @param codeformerFidelity {@code -cf/--codeformer_fidelity}: CodeFormer's fidelity w, 0 (quality) to 1 (fidelity)
 * @param upscale {@code -U/--upscale SCALE [STRENGTH]}: the values as typed (the host appends InvokeAI's default
 *                strength, 0.75, before recording the command)
 * @param saveOriginal {@code --save_original}: keep the unprocessed image beside the post-processed one
 * @param embiggen {@code --embiggen SCALE [ESRGAN_STRENGTH [OVERLAP]]}: the values as typed
 * @param embiggenTiles {@code --embiggen_tiles N...}: the 1-based numbers of the only tiles embiggen redoes, as typed
 * @param embiggenStrength {@code --embiggen_strength}: the img2img strength of embiggen's tiles
 * @param newPrompt {@code --new_prompt}: for {@code !fix}, the prompt used in place of the image's own
 * @param karrasMax {@code --karras_max}: k-samplers use Karras sigmas below this many steps, for this command
 * @param fix {@code !fix FILE}: post-process the image whose path is the {@code prompt} instead of generating one
 * @param fnformat {@code --fnformat}: the Python {@code str.format} pattern of the image file names
 *                 ({@code {prefix}.{seed}.png} by default)
 * @param pngCompression {@code -z/--png_compression}: the zlib level of the PNG files, 0 (none) to 9
 * @param outDirection {@code -D/--out_direction DIR [PIXELS]}: for {@code !fix}, outpaint toward that side, as typed
 * @param outcrop {@code -c/--outcrop DIR PIXELS [DIR PIXELS ...]}: for {@code !fix}, grow the canvas and paint the
 *                new bands, as typed
 * @param threshold {@code --threshold}: k-samplers clamp each guided prediction near this bound; 0 is off
 * @param perlin {@code --perlin}: how much Perlin noise is blended into the start noise, 0-1; 0 is off
 * @param saveIntermediates {@code --save_intermediates N}: decode and save every Nth sampling step
 * @param seamlessAxes {@code --seamless_axes}: the axes {@code --seamless} wraps around, {@code "x"},
 *                     {@code "y"} or {@code "x,y"} (the default)
 */
public record GenerationRequest(
        String prompt,
        Integer steps,
        Long seed,
        Integer width,
        Integer height,
        Double cfgScale,
        String sampler,
        Integer iterations,
        String outdir,
        Boolean grid,
        Boolean individual,
        Boolean skipNormalize,
        Boolean logTokenization,
        Double variationAmount,
        java.util.List<Variation> withVariations,
        Boolean seamless,
        Boolean hiresFix,
        String initImage,
        String initMask,
        Double strength,
        Boolean fit,
        String initColor,
        Boolean invertMask,
        Double inpaintReplace,
        String facetool,
        Double facetoolStrength,
        Double codeformerFidelity,
        java.util.List<Double> upscale,
        Boolean saveOriginal,
        java.util.List<Double> embiggen,
        java.util.List<Integer> embiggenTiles,
        Double embiggenStrength,
        String newPrompt,
        Integer karrasMax,
        Boolean fix,
        String fnformat,
        Integer pngCompression,
        java.util.List<String> outDirection,
        java.util.List<String> outcrop,
        Double threshold,
        Double perlin,
        Integer saveIntermediates,
        String seamlessAxes) {

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        withVariations = withVariations == null ? null : java.util.List.copyOf(withVariations);
        upscale = upscale == null ? null : java.util.List.copyOf(upscale);
        embiggen = embiggen == null ? null : java.util.List.copyOf(embiggen);
        embiggenTiles = embiggenTiles == null ? null : java.util.List.copyOf(embiggenTiles);
        outDirection = outDirection == null ? null : java.util.List.copyOf(outDirection);
        outcrop = outcrop == null ? null : java.util.List.copyOf(outcrop);
    }

    /** An empty request: empty prompt, every switch absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder()
                .prompt(prompt)
                .steps(steps)
                .seed(seed)
                .width(width)
                .height(height)
                .cfgScale(cfgScale)
                .sampler(sampler)
                .iterations(iterations)
                .outdir(outdir)
                .grid(grid)
                .individual(individual)
                .skipNormalize(skipNormalize)
                .logTokenization(logTokenization)
                .variationAmount(variationAmount)
                .withVariations(withVariations)
                .seamless(seamless)
                .hiresFix(hiresFix)
                .initImage(initImage)
                .initMask(initMask)
                .strength(strength)
                .fit(fit)
                .initColor(initColor)
                .invertMask(invertMask)
                .inpaintReplace(inpaintReplace)
                .facetool(facetool)
                .facetoolStrength(facetoolStrength)
                .codeformerFidelity(codeformerFidelity)
                .upscale(upscale)
                .saveOriginal(saveOriginal)
                .embiggen(embiggen)
                .embiggenTiles(embiggenTiles)
                .embiggenStrength(embiggenStrength)
                .newPrompt(newPrompt)
                .karrasMax(karrasMax)
                .fix(fix)
                .fnformat(fnformat)
                .pngCompression(pngCompression)
                .outDirection(outDirection)
                .outcrop(outcrop)
                .threshold(threshold)
                .perlin(perlin)
                .saveIntermediates(saveIntermediates)
                .seamlessAxes(seamlessAxes);
    }

    /** Builds {@link GenerationRequest}s. */
    public static final class Builder {
        private String prompt = "";
        private Integer steps;
        private Long seed;
        private Integer width;
        private Integer height;
        private Double cfgScale;
        private String sampler;
        private Integer iterations;
        private String outdir;
        private Boolean grid;
        private Boolean individual;
        private Boolean skipNormalize;
        private Boolean logTokenization;
        private Double variationAmount;
        private java.util.List<Variation> withVariations;
        private Boolean seamless;
        private Boolean hiresFix;
        private String initImage;
        private String initMask;
        private Double strength;
        private Boolean fit;
        private String initColor;
        private Boolean invertMask;
        private Double inpaintReplace;
        private String facetool;
        private Double facetoolStrength;
        private Double codeformerFidelity;
        private java.util.List<Double> upscale;
        private Boolean saveOriginal;
        private java.util.List<Double> embiggen;
        private java.util.List<Integer> embiggenTiles;
        private Double embiggenStrength;
        private String newPrompt;
        private Integer karrasMax;
        private Boolean fix;
        private String fnformat;
        private Integer pngCompression;
        private java.util.List<String> outDirection;
        private java.util.List<String> outcrop;
        private Double threshold;
        private Double perlin;
        private Integer saveIntermediates;
        private String seamlessAxes;

        private Builder() {
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder steps(Integer steps) {
            this.steps = steps;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder width(Integer width) {
            this.width = width;
            return this;
        }

        public Builder height(Integer height) {
            this.height = height;
            return this;
        }

        public Builder cfgScale(Double cfgScale) {
            this.cfgScale = cfgScale;
            return this;
        }

        public Builder sampler(String sampler) {
            this.sampler = sampler;
            return this;
        }

        public Builder iterations(Integer iterations) {
            this.iterations = iterations;
            return this;
        }

        public Builder outdir(String outdir) {
            this.outdir = outdir;
            return this;
        }

        public Builder grid(Boolean grid) {
            this.grid = grid;
            return this;
        }

        public Builder individual(Boolean individual) {
            this.individual = individual;
            return this;
        }

        public Builder skipNormalize(Boolean skipNormalize) {
            this.skipNormalize = skipNormalize;
            return this;
        }

        public Builder logTokenization(Boolean logTokenization) {
            this.logTokenization = logTokenization;
            return this;
        }

        public Builder variationAmount(Double variationAmount) {
            this.variationAmount = variationAmount;
            return this;
        }

        public Builder withVariations(java.util.List<Variation> withVariations) {
            this.withVariations = withVariations;
            return this;
        }

        public Builder seamless(Boolean seamless) {
            this.seamless = seamless;
            return this;
        }

        public Builder hiresFix(Boolean hiresFix) {
            this.hiresFix = hiresFix;
            return this;
        }

        public Builder initImage(String initImage) {
            this.initImage = initImage;
            return this;
        }

        public Builder initMask(String initMask) {
            this.initMask = initMask;
            return this;
        }

        public Builder strength(Double strength) {
            this.strength = strength;
            return this;
        }

        public Builder fit(Boolean fit) {
            this.fit = fit;
            return this;
        }

        public Builder initColor(String initColor) {
            this.initColor = initColor;
            return this;
        }

        public Builder invertMask(Boolean invertMask) {
            this.invertMask = invertMask;
            return this;
        }

        public Builder inpaintReplace(Double inpaintReplace) {
            this.inpaintReplace = inpaintReplace;
            return this;
        }

        public Builder facetool(String facetool) {
            this.facetool = facetool;
            return this;
        }

        public Builder facetoolStrength(Double facetoolStrength) {
            this.facetoolStrength = facetoolStrength;
            return this;
        }

        public Builder codeformerFidelity(Double codeformerFidelity) {
            this.codeformerFidelity = codeformerFidelity;
            return this;
        }

        public Builder upscale(java.util.List<Double> upscale) {
            this.upscale = upscale;
            return this;
        }

        public Builder saveOriginal(Boolean saveOriginal) {
            this.saveOriginal = saveOriginal;
            return this;
        }

        public Builder embiggen(java.util.List<Double> embiggen) {
            this.embiggen = embiggen;
            return this;
        }

        public Builder embiggenTiles(java.util.List<Integer> embiggenTiles) {
            this.embiggenTiles = embiggenTiles;
            return this;
        }

        public Builder embiggenStrength(Double embiggenStrength) {
            this.embiggenStrength = embiggenStrength;
            return this;
        }

        public Builder newPrompt(String newPrompt) {
            this.newPrompt = newPrompt;
            return this;
        }

        public Builder karrasMax(Integer karrasMax) {
            this.karrasMax = karrasMax;
            return this;
        }

        public Builder fix(Boolean fix) {
            this.fix = fix;
            return this;
        }

        public Builder fnformat(String fnformat) {
            this.fnformat = fnformat;
            return this;
        }

        public Builder pngCompression(Integer pngCompression) {
            this.pngCompression = pngCompression;
            return this;
        }

        public Builder outDirection(java.util.List<String> outDirection) {
            this.outDirection = outDirection;
            return this;
        }

        public Builder outcrop(java.util.List<String> outcrop) {
            this.outcrop = outcrop;
            return this;
        }

        public Builder threshold(Double threshold) {
            this.threshold = threshold;
            return this;
        }

        public Builder perlin(Double perlin) {
            this.perlin = perlin;
            return this;
        }

        public Builder saveIntermediates(Integer saveIntermediates) {
            this.saveIntermediates = saveIntermediates;
            return this;
        }

        public Builder seamlessAxes(String seamlessAxes) {
            this.seamlessAxes = seamlessAxes;
            return this;
        }

        public GenerationRequest build() {
            return new GenerationRequest(prompt, steps, seed, width, height, cfgScale, sampler, iterations, outdir,
                    grid, individual, skipNormalize, logTokenization, variationAmount, withVariations, seamless, hiresFix,
                    initImage, initMask, strength, fit, initColor, invertMask, inpaintReplace, facetool, facetoolStrength, codeformerFidelity, upscale,
                    saveOriginal, embiggen, embiggenTiles, embiggenStrength, newPrompt, karrasMax, fix,
                    fnformat, pngCompression, outDirection, outcrop,
                    threshold, perlin, saveIntermediates, seamlessAxes);
        }
    }
}
