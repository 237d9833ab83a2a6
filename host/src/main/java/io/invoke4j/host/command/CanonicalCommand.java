package io.invoke4j.host.command;

import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Variation;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Formats a request back into the command that reproduces it:
 * {@code "a cat" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms}. The same string is printed, logged and stored in
 * the PNG.
 *
 * <p>The parts come in InvokeAI 2.0.1's order (command-language.md §6): the quoted prompt,
 * {@code -s -S -W -H -C}, {@code --karras_max} where given on the line (InvokeAI 2.1+), {@code --perlin} and
 * {@code --threshold} where above 0, then {@code --grid},
 * {@code --seamless} and {@code --hires_fix} where set; with an init
 * image {@code -I <path> -A <sampler>} followed by {@code --fit}, {@code -M <mask>}, {@code --invert_mask},
 * {@code --init_color <path>}, {@code -f <strength>} and {@code --inpaint_replace <r>} (when not 0) where set,
 * otherwise {@code -A <sampler>} alone, then {@code --init_color <path>} where set; then the post-processing
 * switches ({@code -G -ft -cf}, {@code -c}, {@code -U}, {@code --embiggen}, {@code --embiggen_tiles},
 * {@code --embiggen_strength}, {@code -D}, and for {@code !fix} {@code --new_prompt}); last
 * {@code -V seed:weight,...} where there are variations. A {@code !fix} command starts {@code !fix "<image>"}
 * instead of the prompt.
 * Like InvokeAI, it never records {@code -o}, {@code -x}, {@code -t}, {@code -i}, {@code -v},
 * {@code --save_original}, {@code --save_intermediates}, {@code --fnformat} or {@code -z} (how the file is named
 * and packed, not what it shows), nor {@code -n} except
 * before {@code --grid} (a grid is one image of the whole series): each recorded command describes one image, and the host folds {@code -v} into that
 * image's {@code -V} entry before formatting. {@code --fit}, {@code -M} and {@code -f} are written only with an
 * init image, as in InvokeAI, since only img2img and inpainting use them. Unlike InvokeAI 2.2.5, a one-axis
 * {@code --seamless_axes} is written after {@code --seamless}: without it the command of a one-axis seamless image
 * would tile on both axes when replayed.
 *
 * <p>The prompt is quoted as in InvokeAI 2.0.1 and its manual. Unlike 2.0.1, a {@code "} or {@code \} in the
 * prompt is escaped with a backslash, and a path that a shell split would change (a space, a quote, a
 * {@code \}, a {@code #}) is quoted, so that {@link CommandParser#parse} reads the command back to the same
 * request; InvokeAI wrote them bare and produced commands that did not re-parse. Floats are written as Python
 * writes them ({@link PythonFloat}), so the strings match InvokeAI's. InvokeAI did not record
 * {@code --new_prompt}, so its {@code !fix} command re-diffused with the image's own prompt; it is recorded here,
 * quoted as the prompt is, so that the command makes the same image again. For the same reason
 * {@code --inpaint_replace} is written with its value (InvokeAI wrote the bare switch, which does not re-parse),
 * {@code --invert_mask} is written (InvokeAI 2.1+ left it out) and so is {@code --init_color} without an init image
 * (InvokeAI colour-matched such an image but recorded the switch only with {@code -I}).
 */
public final class CanonicalCommand {
    /** {@code --seamless_axes} values that mean the default, both axes: not written. */
    private static final java.util.Set<String> BOTH_AXES = java.util.Set.of("x,y", "y,x");

    private CanonicalCommand() {
    }

    /**
     * @param request a request whose steps, width, height, cfg scale and sampler are all set; the strength, when
     *                there is an init image, is the one the image was made with (the host fills in the default
     *                before formatting), and is left out when {@code null}
     * @param seed    the image's seed
     * @throws NullPointerException naming the first of those values that is missing
     */
    public static String format(GenerationRequest request, long seed) {
        StringJoiner command = new StringJoiner(" ");
        // !fix records the image it post-processed where a prompt goes, as InvokeAI does
        String prompt = ShellWords.doubleQuoted(request.prompt());
        command.add(Boolean.TRUE.equals(request.fix()) ? "!fix " + prompt : prompt)
                .add("-s " + Objects.requireNonNull(request.steps(), "steps"))
                .add("-S " + seed)
                .add("-W " + Objects.requireNonNull(request.width(), "width"))
                .add("-H " + Objects.requireNonNull(request.height(), "height"))
                .add("-C " + PythonFloat.format(Objects.requireNonNull(request.cfgScale(), "cfgScale")));
        if (request.karrasMax() != null) {
            command.add("--karras_max " + request.karrasMax());
        }
        if (request.perlin() != null && request.perlin() > 0) {
            command.add("--perlin " + PythonFloat.format(request.perlin()));
        }
        if (request.threshold() != null && request.threshold() > 0) {
            command.add("--threshold " + PythonFloat.format(request.threshold()));
        }
        // quoted only when it has a space: a sampler name read from another tool's metadata may
        String sampler = "-A " + ShellWords.quoted(Objects.requireNonNull(request.sampler(), "sampler"));
        if (Boolean.TRUE.equals(request.grid())) {
            // a grid is one image of the whole series: its count is part of what reproduces it, as the manual's
            // grid example records it (README decision 2), though InvokeAI's code dropped it
            Integer count = request.iterations();
            if (count != null && count > 1) {
                command.add("-n " + count);
            }
            command.add("--grid");
        }
        addFlag(command, request.seamless(), "--seamless");
        if (Boolean.TRUE.equals(request.seamless()) && request.seamlessAxes() != null
                && !BOTH_AXES.contains(request.seamlessAxes())) {
            command.add("--seamless_axes " + request.seamlessAxes());
        }
        addFlag(command, request.hiresFix(), "--hires_fix");
        if (request.initImage() != null) {
            command.add(withValue("-I", request.initImage())).add(sampler);
            addFlag(command, request.fit(), "--fit");
            if (request.initMask() != null) {
                command.add(withValue("-M", request.initMask()));
            }
            addFlag(command, request.invertMask(), "--invert_mask");
            addInitColor(command, request);
            if (request.strength() != null) {
                command.add("-f " + PythonFloat.format(request.strength()));
            }
            Double replace = request.inpaintReplace();
            if (replace != null && replace != 0.0) {
                command.add("--inpaint_replace " + PythonFloat.format(replace));
            }
        } else {
            command.add(sampler);
            addInitColor(command, request);
        }
        addPostprocessing(command, request);
        List<Variation> variations = request.withVariations();
        if (variations != null && !variations.isEmpty()) {
            command.add(withValue("-V", VariationText.format(variations)));
        }
        return command.toString();
    }

    /**
     * InvokeAI 2.2.5's order: {@code -G} when not 0, then its tool ({@code -ft}, {@code gfpgan} unless set) and
     * for CodeFormer {@code -cf} (0.75 unless set); then {@code -U} and {@code --embiggen} with each value as
     * Python writes a float, {@code --embiggen_tiles} and {@code --embiggen_strength}; then {@code !fix}'s
     * {@code --new_prompt}. {@code !fix}'s outcrop words ({@code -c}) come before {@code -U} and its outpaint words
     * ({@code -D}) after {@code --embiggen_strength}, as InvokeAI 2.0.1 orders them.
     */
    private static void addPostprocessing(StringJoiner command, GenerationRequest request) {
        Double strength = request.facetoolStrength();
        if (strength != null && strength != 0.0) {
            String tool = request.facetool() != null ? request.facetool() : "gfpgan";
            command.add("-G " + PythonFloat.format(strength)).add(withValue("-ft", tool));
            if (tool.equals("codeformer")) {
                Double fidelity = request.codeformerFidelity();
                command.add("-cf " + PythonFloat.format(fidelity != null ? fidelity : 0.75));
            }
        }
        addWords(command, "-c", request.outcrop());
        addFloats(command, "-U", request.upscale());
        addFloats(command, "--embiggen", request.embiggen());
        List<Integer> tiles = request.embiggenTiles();
        if (tiles != null && !tiles.isEmpty()) {
            StringJoiner words = new StringJoiner(" ", "--embiggen_tiles ", "");
            tiles.forEach(tile -> words.add(String.valueOf(tile)));
            command.add(words.toString());
        }
        if (request.embiggenStrength() != null) {
            command.add("--embiggen_strength " + PythonFloat.format(request.embiggenStrength()));
        }
        addWords(command, "-D", request.outDirection());
        String newPrompt = request.newPrompt();
        if (newPrompt != null && Boolean.TRUE.equals(request.fix())) {
            // a long option takes a value that looks like a switch only when attached with =
            String quoted = ShellWords.doubleQuoted(newPrompt);
            command.add(newPrompt.startsWith("-") ? "--new_prompt=" + quoted : "--new_prompt " + quoted);
        }
    }

    private static void addInitColor(StringJoiner command, GenerationRequest request) {
        if (request.initColor() != null) {
            command.add(withValue("--init_color", request.initColor()));
        }
    }

    private static void addFloats(StringJoiner command, String name, List<Double> values) {
        if (values != null && !values.isEmpty()) {
            StringJoiner words = new StringJoiner(" ", name + " ", "");
            values.forEach(value -> words.add(PythonFloat.format(value)));
            command.add(words.toString());
        }
    }

    private static void addWords(StringJoiner command, String name, List<String> words) {
        if (words != null && !words.isEmpty()) {
            command.add(name + " " + String.join(" ", words));
        }
    }

    private static void addFlag(StringJoiner command, Boolean set, String name) {
        if (Boolean.TRUE.equals(set)) {
            command.add(name);
        }
    }

    /**
     * {@code -I path}, or {@code -I-path} (for a long name {@code --init_color=-path}) for a value starting with
     * {@code -}: as a word of its own, quoted or not (the quotes are gone once the line is split), argparse would
     * read such a value as a switch.
     */
    private static String withValue(String name, String value) {
        String word = ShellWords.quoted(value);
        if (!value.startsWith("-")) {
            return name + " " + word;
        }
        return name.startsWith("--") ? name + "=" + word : name + word;
    }
}
