package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Variation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks that involve more than one switch, made once the whole line is read and each value has passed its
 * own check ({@link Switch#require}). They are InvokeAI's {@code prompt2image} assertions on {@code -V}, in its
 * order and words, one of invoke4j's own for a mask without an image, and InvokeAI's checks that {@code !fix}
 * has something to do and that embiggen in a generation has an init image. Switches that InvokeAI ignores where
 * they are given are refused here instead, each in one line: {@code --embiggen_tiles} and
 * {@code --embiggen_strength} in a {@code !fix} without {@code --embiggen}, {@code --embiggen_strength} in a
 * generation without embiggen, {@code --new_prompt}, {@code -D} and {@code -c} outside {@code !fix} (InvokeAI
 * ignored them there), {@code --init_color} in {@code !fix}, and {@code -r} or {@code --invert_mask} without
 * {@code -I}.
 */
final class SwitchCombinationChecks {
    private SwitchCombinationChecks() {
    }

    /** @throws CommandException the first check the request fails, as one line */
    static void check(GenerationRequest request) {
        List<Variation> variations = request.withVariations();
        if (variations != null && !variations.isEmpty()) {
            // the -V blends start from the -S noise, so there has to be one
            require(request.seed() != null, "seed must be specified when using with_variations");
            // without -v every image would get the same noise: -V alone describes exactly one image
            boolean varies = request.variationAmount() != null && request.variationAmount() != 0.0;
            require(varies || request.iterations() == null || request.iterations() <= 1,
                    "when using --with_variations, multiple iterations are only possible when using"
                            + " --variation_amount");
            // written as "0 <= w <= 1" so that nan is refused too
            if (!variations.stream().allMatch(v -> 0.0 <= v.weight() && v.weight() <= 1.0)) {
                throw new CommandException("variation weights must be in [0.0, 1.0]: got " + weights(variations));
            }
        }
        // InvokeAI ignored a mask without an image and made a txt2img image; a mask alone is surely a mistake
        require(request.initMask() == null || request.initImage() != null, "-M/--init_mask needs -I/--init_img");
        // both only act on an inpainting mask, which comes with the init image (InvokeAI ignored them otherwise)
        require(request.inpaintReplace() == null || request.initImage() != null,
                "-r/--inpaint_replace needs -I/--init_img (and a mask: -M, or transparent areas in the image)");
        require(!Boolean.TRUE.equals(request.invertMask()) || request.initImage() != null,
                "--invert_mask needs -I/--init_img (and a mask: -M, or transparent areas in the image)");
        if (Boolean.TRUE.equals(request.fix())) {
            // !fix picks embiggen by --embiggen alone (InvokeAI's do_postprocess)
            require(request.embiggen() != null || request.embiggenTiles() == null && request.embiggenStrength() == null,
                    "--embiggen_tiles and --embiggen_strength go with --embiggen: !fix FILE --embiggen SCALE ...");
            // InvokeAI's do_postprocess: -G 0 is no face restoration
            boolean faces = request.facetoolStrength() != null && request.facetoolStrength() > 0;
            require(faces || request.upscale() != null || request.embiggen() != null
                            || request.outDirection() != null || request.outcrop() != null,
                    "please provide at least one postprocessing option, such as -G or -U");
            require(request.initColor() == null, "--init_color is for generating: !fix does not colour-match");
        } else {
            // --embiggen_tiles alone is embiggen at scale 1
            boolean embiggen = request.embiggen() != null || request.embiggenTiles() != null;
            require(!embiggen || request.initImage() != null, "Embiggen requires an init/input image to be specified");
            require(embiggen || request.embiggenStrength() == null,
                    "--embiggen_strength goes with --embiggen or --embiggen_tiles (and -I)");
            require(request.newPrompt() == null,
                    "--new_prompt is for !fix: it replaces the prompt of the image being fixed");
            require(request.outDirection() == null,
                    "-D/--out_direction is for !fix: !fix FILE -D DIRECTION [PIXELS] outpaints an image");
            require(request.outcrop() == null,
                    "-c/--outcrop is for !fix: !fix FILE -c DIRECTION PIXELS ... extends an image");
        }
    }

    /** Python's repr of the list of weights: {@code [0.2, 1.5]}. */
    private static String weights(List<Variation> variations) {
        return variations.stream().map(v -> PythonFloat.format(v.weight()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new CommandException(message);
        }
    }
}
