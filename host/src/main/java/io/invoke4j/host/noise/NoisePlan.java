package io.invoke4j.host.noise;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Variation;
import io.invoke4j.host.command.PythonFloat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The seeds and initial noise of one command's images, with and without variations ({@code -v}, {@code -V}),
 * in InvokeAI's order (generation-semantics.md section 2.2; {@code Generator.generate} and
 * {@code generate_initial_noise} in {@code ldm/invoke/generator/base.py}). Pure: no I/O, and the only state it
 * touches is the session's {@link SeedChain}, which it moves exactly as InvokeAI moves Python's global
 * {@code random}.
 *
 * <p>With S the command's seed, V the {@code -V} list and a the {@code -v} amount:
 * <ul>
 *   <li>neither: image i's noise is {@code randn(s_i)}, with s_0 = S and s_{i+1} = f(s_i) from the chain;</li>
 *   <li>V or a: a base noise {@code randn(S)}, then {@code base = slerp(w, base, randn(vs))} for each
 *       {@code vs:w} of V in order; then
 *       <ul>
 *         <li>a &gt; 0: image i's noise is {@code slerp(a, base, randn(s_i))}, where s_0 comes from fresh
 *             OS entropy (InvokeAI calls {@code random.seed()}, so it cannot be reproduced from S) and
 *             s_{i+1} = f(s_i);</li>
 *         <li>a = 0: one image, whose noise is the base and whose seed is the last vs.</li>
 *       </ul></li>
 * </ul>
 * Each {@code randn(s)} is {@code torch.manual_seed(s)} then one latent-sized {@code torch.randn}.
 *
 * <p>Because a {@code -v} image records {@code -S S -V V,s_i:a}, and replaying that list with no {@code -v}
 * redoes the same slerps in the same order, a recorded command gives back its image's noise bit for bit.
 *
 * <p>Use, one command at a time:
 * <pre>{@code
 * NoisePlan plan = NoisePlan.start(seed, withVariations, variationAmount, iterations, latentSize, seeds);
 * for (int i = 0; i < plan.iterations(); i++) {
 *     ImageNoise image = plan.nextImage();  // seed, noise, generator, what to record
 *     ...                                   // sample, decode, save
 *     plan.imageDone();                     // InvokeAI draws the next seed only once an image is made
 * }
 * }</pre>
 * A command stopped part-way leaves the chain where InvokeAI's interrupted command leaves {@code random}.
 * Not thread-safe.
 *
 * <p>With {@code --perlin p} ({@link #start(Long, List, Double, int, LatentNoise, SeedChain)}) every
 * {@code randn(s)} above is followed by the Perlin blend, drawn from the same generator
 * ({@link PerlinNoise#blend}), as InvokeAI's {@code get_noise} does.
 *
 * <p>Not modelled: InvokeAI's
 * replacement of seeds outside 0 to 2^32 - 1 by a random one in {@code seed_everything} (here only their low
 * 32 bits reach torch, as with {@link TorchGenerator}).
 */
public final class NoisePlan {

    /** Which of InvokeAI's three noise recipes a command follows. */
    private enum Kind {
        /** No variations: each image's own seed. */
        PLAIN,
        /** {@code -V} without {@code -v}: the blended base, for one image. */
        BLENDED,
        /** {@code -v}: the base moved toward each image's fresh seed. */
        VARIED
    }

    private final Kind kind;
    private final SeedChain seeds;
    private final int iterations;
    private final LatentNoise shape;
    private final long firstSeed;
    private final List<Variation> withVariations;
    private final double amount;
    /** The blended base noise; {@code null} for {@link Kind#PLAIN}. */
    private final float[] base;
    /** For {@link Kind#BLENDED}: torch's generator after the last {@code -V} draw, which the sampler goes on from. */
    private final TorchGenerator baseGenerator;

    /** The seed the next {@link #nextImage()} uses. */
    private long pendingSeed;
    private int started;
    private boolean imageInProgress;

    private NoisePlan(Kind kind, SeedChain seeds, int iterations, LatentNoise shape, long firstSeed,
                      List<Variation> withVariations, double amount, float[] base, TorchGenerator baseGenerator,
                      long pendingSeed) {
        this.kind = kind;
        this.seeds = seeds;
        this.iterations = iterations;
        this.shape = shape;
        this.firstSeed = firstSeed;
        this.withVariations = withVariations;
        this.amount = amount;
        this.base = base;
        this.baseGenerator = baseGenerator;
        this.pendingSeed = pendingSeed;
    }

    /**
     * Checks the variation switches as InvokeAI's {@code prompt2image} does, with its messages and in its
     * order. {@link #start} runs it too; a host that checks other switches first (InvokeAI checks {@code -C}
     * and {@code -f} before these) can call it at that point.
     *
     * @param seed            {@code -S}, or {@code null} for the implicit seed
     * @param withVariations  {@code -V}, or {@code null} for none
     * @param variationAmount {@code -v}, or {@code null} for 0
     * @param iterations      {@code -n}
     * @throws CommandException with InvokeAI's message when a check fails
     */
    public static void check(Long seed, List<Variation> withVariations, Double variationAmount, int iterations) {
        double amount = variationAmount == null ? 0 : variationAmount;
        // written as InvokeAI's "0.0 <= a <= 1.0", which NaN fails too
        if (!(0 <= amount && amount <= 1)) {
            throw new CommandException("-v --variation_amount must be in [0.0, 1.0]");
        }
        List<Variation> variations = withVariations == null ? List.of() : withVariations;
        if (variations.isEmpty()) {
            return;
        }
        if (seed == null) {
            throw new CommandException("seed must be specified when using with_variations");
        }
        if (amount == 0 && iterations != 1) {
            throw new CommandException("when using --with_variations, multiple iterations are only possible when"
                    + " using --variation_amount");
        }
        if (!variations.stream().allMatch(v -> 0 <= v.weight() && v.weight() <= 1)) {
            String weights = variations.stream()
                    .map(v -> PythonFloat.format(v.weight()))
                    .collect(Collectors.joining(", ", "[", "]"));
            throw new CommandException("variation weights must be in [0.0, 1.0]: got " + weights);
        }
    }

    /**
     * Plans a command's images, drawing the {@code -V} base noise now and the first {@code -v} seed from fresh
     * OS entropy.
     *
     * @see #start(Long, List, Double, int, int, SeedChain, LongSupplier)
     */
    public static NoisePlan start(Long seed, List<Variation> withVariations, Double variationAmount,
                                  int iterations, int latentSize, SeedChain seeds) {
        return start(seed, withVariations, variationAmount, iterations, LatentNoise.gaussian(latentSize), seeds);
    }

    /**
     * Plans a command's images whose noise has {@code noise}'s shape and Perlin blend, drawing the {@code -V}
     * base noise now and the first {@code -v} seed from fresh OS entropy.
     *
     * @see #start(Long, List, Double, int, int, SeedChain, LongSupplier)
     */
    public static NoisePlan start(Long seed, List<Variation> withVariations, Double variationAmount,
                                  int iterations, LatentNoise noise, SeedChain seeds) {
        // random.seed() then randrange(0, 2^32 - 1): the first output of a chain seeded from OS entropy
        return start(seed, withVariations, variationAmount, iterations, noise, seeds,
                () -> new SeedChain().next());
    }

    /**
     * Plans a command's images: checks the switches ({@link #check}), takes the implicit seed from the chain
     * when {@code seed} is {@code null}, and, with variations, draws the base noise and blends the {@code -V}
     * entries into it.
     *
     * @param seed            {@code -S}, or {@code null} to take the next seed of {@code seeds} (only without
     *                        {@code -V})
     * @param withVariations  {@code -V} entries in order, or {@code null} / empty for none
     * @param variationAmount {@code -v}, or {@code null} / 0 for none
     * @param iterations      {@code -n}, at least 1
     * @param latentSize      the number of floats of one image's noise: 4 x (H/8) x (W/8)
     * @param seeds           the session's seed chain (InvokeAI's global {@code random}); moved as InvokeAI
     *                        moves it
     * @param firstVariationSeed InvokeAI's {@code random.seed(); randrange(0, 2^32 - 1)}: called once, only with
     *                        {@code -v}, for the first image's variation seed. The first output of an
     *                        entropy-seeded {@link SeedChain} in use; a fixed seed in tests.
     * @throws CommandException         when a switch is out of range ({@link #check})
     * @throws IllegalArgumentException when {@code iterations} or {@code latentSize} is below 1
     */
    public static NoisePlan start(Long seed, List<Variation> withVariations, Double variationAmount,
                                  int iterations, int latentSize, SeedChain seeds,
                                  LongSupplier firstVariationSeed) {
        if (iterations < 1 || latentSize < 1) {
            throw new IllegalArgumentException("need at least one image of at least one float, got " + iterations
                    + " image(s) of " + latentSize);
        }
        return start(seed, withVariations, variationAmount, iterations, LatentNoise.gaussian(latentSize), seeds,
                firstVariationSeed);
    }

    /**
     * As {@link #start(Long, List, Double, int, int, SeedChain, LongSupplier)}, with each image's noise of
     * {@code noise}'s shape, Perlin blend included.
     */
    public static NoisePlan start(Long seed, List<Variation> withVariations, Double variationAmount,
                                  int iterations, LatentNoise noise, SeedChain seeds,
                                  LongSupplier firstVariationSeed) {
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(firstVariationSeed, "firstVariationSeed");
        if (iterations < 1) {
            throw new IllegalArgumentException("need at least one image, got " + iterations);
        }
        int latentSize = noise.size();
        check(seed, withVariations, variationAmount, iterations);
        List<Variation> variations = withVariations == null ? List.of() : List.copyOf(withVariations);
        double amount = variationAmount == null ? 0 : variationAmount;
        // Generator.generate: "seed if seed is not None else self.new_seed()", before any noise is drawn
        long first = seed != null ? seed : seeds.next();
        if (amount == 0 && variations.isEmpty()) {
            return new NoisePlan(Kind.PLAIN, seeds, iterations, noise, first, variations, 0, null, null, first);
        }

        // generate_initial_noise: seed_everything(S), base = noise(); per -V entry seed_everything(vs), slerp
        float[] base = new float[latentSize];
        TorchGenerator generator = draw(first, base, noise, seeds);
        long lastSeed = first;
        float[] next = variations.isEmpty() ? null : new float[latentSize];
        for (Variation variation : variations) {
            generator = draw(variation.seed(), next, noise, seeds);
            Slerp.slerp(variation.weight(), base, next, base);
            lastSeed = variation.seed();
        }
        if (amount == 0) {
            return new NoisePlan(Kind.BLENDED, seeds, iterations, noise, first, variations, 0, base, generator,
                    lastSeed);
        }
        // the one seed of the command that no -S can reproduce; the later ones are f-chained from it
        return new NoisePlan(Kind.VARIED, seeds, iterations, noise, first, variations, amount, base, null,
                firstVariationSeed.getAsLong());
    }

    /** {@code -n}: how many images this plan gives. */
    public int iterations() {
        return iterations;
    }

    /**
     * The command's first seed: the {@code -S} seed, or the implicit one drawn from the chain. With variations
     * it is the {@code -S} of every recorded command and the metadata {@code seed}
     * ({@link ImageNoise#commandSeed()}); without, it is the first image's seed.
     */
    public long firstSeed() {
        return firstSeed;
    }

    /**
     * The next image's noise: the seed InvokeAI gives it, its initial noise x_T and what to record. Reseeds the
     * chain with the image's seed where InvokeAI's {@code seed_everything} does.
     *
     * @throws IllegalStateException if the previous image was not {@linkplain #imageDone() done}, or every
     *                               image has been started
     */
    public ImageNoise nextImage() {
        if (imageInProgress) {
            throw new IllegalStateException("image " + (started - 1) + " is not done");
        }
        if (started == iterations) {
            throw new IllegalStateException("all " + iterations + " image(s) have been started");
        }
        long seed = pendingSeed;
        int index = started++;
        imageInProgress = true;
        return switch (kind) {
            case PLAIN -> {
                float[] noise = new float[shape.size()];
                TorchGenerator generator = draw(seed, noise, shape, seeds);
                yield new ImageNoise(index, seed, seed, List.of(), noise, generator);
            }
            case BLENDED ->
                // the base is handed over as is: there is exactly one image, and nothing reseeds in between
                new ImageNoise(index, seed, firstSeed, withVariations, base, baseGenerator);
            case VARIED -> {
                float[] noise = new float[shape.size()];
                TorchGenerator generator = draw(seed, noise, shape, seeds);
                Slerp.slerp(amount, base, noise, noise);
                List<Variation> recorded = new ArrayList<>(withVariations);
                recorded.add(new Variation(seed, amount));
                yield new ImageNoise(index, seed, firstSeed, recorded, noise, generator);
            }
        };
    }

    /**
     * Marks the current image made, and draws the next seed from the chain as InvokeAI's {@code new_seed()} does
     * after every image, the last one included (which is why a later command without {@code -S} gets the
     * second output after the last image's seed). Not called for an image that was stopped part-way.
     *
     * @throws IllegalStateException if no image is in progress
     */
    public void imageDone() {
        if (!imageInProgress) {
            throw new IllegalStateException("no image in progress");
        }
        imageInProgress = false;
        pendingSeed = seeds.next();
    }

    /**
     * InvokeAI's {@code seed_everything(seed)} then {@code get_noise()}: Python's {@code random} and torch are
     * both seeded with {@code seed}, and {@code out} is filled with one {@code randn} draw, Perlin-blended when
     * {@code noise} asks for it.
     *
     * @return torch's generator after the draw
     */
    private static TorchGenerator draw(long seed, float[] out, LatentNoise noise, SeedChain seeds) {
        seeds.reseed(seed);
        TorchGenerator generator = new TorchGenerator(seed);
        noise.draw(generator, out);
        return generator;
    }
}
