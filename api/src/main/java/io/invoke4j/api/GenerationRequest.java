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
        String outdir) {

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
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
                .outdir(outdir);
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

        public GenerationRequest build() {
            return new GenerationRequest(prompt, steps, seed, width, height, cfgScale, sampler, iterations, outdir);
        }
    }
}
