package io.invoke4j.host.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Variation;
import io.invoke4j.host.command.PythonFloat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NoisePlan} against generation-semantics.md section 2.2 and InvokeAI's VARIATIONS.md walk-through, whose
 * printed seeds follow the f-chain of section 1.2 from each command's first variation seed.
 */
class NoisePlanTest {

    /** The latent of a 512 x 512 image. */
    private static final int LATENT_512 = 4 * 64 * 64;
    /** A small latent (64 x 64 image) where the size does not matter. */
    private static final int LATENT_64 = 4 * 8 * 8;
    private static final long XENA = 3357757885L;
    private static final List<Variation> XENA_BLEND =
            List.of(new Variation(3647897225L, 0.1), new Variation(1614299449L, 0.1));

    private static float[] randn(long seed, int size) {
        float[] noise = new float[size];
        new TorchGenerator(seed).randn(noise);
        return noise;
    }

    private static float[] slerp(double t, float[] v0, float[] v1) {
        float[] out = new float[v0.length];
        Slerp.slerp(t, v0, v1, out);
        return out;
    }

    /** Runs every image of a plan to the end, as a host does. */
    private static List<ImageNoise> runAll(NoisePlan plan) {
        List<ImageNoise> images = new ArrayList<>();
        for (int i = 0; i < plan.iterations(); i++) {
            images.add(plan.nextImage());
            plan.imageDone();
        }
        return images;
    }

    private static NoisePlan start(Long seed, List<Variation> variations, Double amount, int iterations, int size,
                                   long firstVariationSeed) {
        return NoisePlan.start(seed, variations, amount, iterations, size, new SeedChain(0),
                () -> firstVariationSeed);
    }

    private static void assertSameContinuation(TorchGenerator expected, TorchGenerator actual, int size) {
        float[] a = new float[size];
        float[] b = new float[size];
        expected.randn(a);
        actual.randn(b);
        assertArrayEquals(a, b, "the sampler's later noise");
    }

    // ---- no variations -----------------------------------------------------------------------------------

    @Test
    void withoutVariationsEachImageIsTorchRandnOfItsChainedSeed() {
        List<ImageNoise> images = runAll(start(416354203L, null, null, 2, LATENT_512, 0));

        // f(416354203) = 1362479620: CLI.md's -n2 example
        assertEquals(List.of(416354203L, 1362479620L), images.stream().map(ImageNoise::seed).toList());
        for (ImageNoise image : images) {
            assertArrayEquals(randn(image.seed(), LATENT_512), image.noise(), "seed " + image.seed());
            assertEquals(image.seed(), image.commandSeed());
            assertEquals(List.of(), image.variations());
            TorchGenerator afterNoise = new TorchGenerator(image.seed());
            afterNoise.randn(new float[LATENT_512]);
            assertSameContinuation(afterNoise, image.generator(), LATENT_512);
        }
    }

    @Test
    void anImplicitSeedIsTheChainsNextOne() {
        NoisePlan plan = NoisePlan.start(null, List.of(), 0.0, 1, LATENT_64, new SeedChain(42), () -> 0);

        assertEquals(2746317213L, plan.firstSeed());
        assertEquals(2746317213L, plan.nextImage().seed());
    }

    @Test
    void aLaterCommandWithoutSeedGetsTheSecondOutputAfterTheLastImage() {
        SeedChain chain = new SeedChain(0);
        runAll(NoisePlan.start(42L, null, null, 1, LATENT_64, chain));

        assertEquals(478163327L, chain.next()); // g(42)
    }

    @Test
    void anInterruptedImageLeavesTheChainReseededWithItsSeed() {
        SeedChain chain = new SeedChain(0);
        NoisePlan plan = NoisePlan.start(42L, null, null, 3, LATENT_64, chain);
        plan.nextImage();
        plan.imageDone();
        long interrupted = plan.nextImage().seed(); // stopped before it is done

        assertEquals(2746317213L, interrupted);
        assertEquals(new SeedChain(interrupted).next(), chain.next());
    }

    // ---- -v and -V ---------------------------------------------------------------------------------------

    @Test
    void variationSeriesFollowsTheFChainFromItsFirstSeed() {
        // VARIATIONS.md: "prompt" -n6 -S3357757885 -v0.2
        List<ImageNoise> images = runAll(start(XENA, null, 0.2, 6, LATENT_64, 784039624L));

        assertEquals(List.of(784039624L, 3647897225L, 917731034L, 4116285959L, 1614299449L, 1335553075L),
                images.stream().map(ImageNoise::seed).toList());
        float[] base = randn(XENA, LATENT_64);
        for (ImageNoise image : images) {
            assertEquals(XENA, image.commandSeed());
            assertEquals(List.of(new Variation(image.seed(), 0.2)), image.variations());
            assertArrayEquals(slerp(0.2, base, randn(image.seed(), LATENT_64)), image.noise());
        }
    }

    @Test
    void blendedVariationsWithAmountRecordTheListThenTheImagesOwnSeed() {
        // VARIATIONS.md: "prompt" -S3357757885 -V3647897225:0.1,1614299449:0.1 -v0.05 -n6
        List<ImageNoise> images = runAll(start(XENA, XENA_BLEND, 0.05, 6, LATENT_64, 3279757577L));

        assertEquals(List.of(3279757577L, 2853129515L, 3747154981L, 2664260391L, 1642517170L, 2183375608L),
                images.stream().map(ImageNoise::seed).toList());
        float[] base = slerp(0.1, slerp(0.1, randn(XENA, LATENT_64), randn(3647897225L, LATENT_64)),
                randn(1614299449L, LATENT_64));
        for (ImageNoise image : images) {
            assertEquals(XENA, image.commandSeed());
            assertEquals(List.of(XENA_BLEND.get(0), XENA_BLEND.get(1), new Variation(image.seed(), 0.05)),
                    image.variations());
            assertArrayEquals(slerp(0.05, base, randn(image.seed(), LATENT_64)), image.noise());
        }
    }

    @Test
    void blendedVariationsAloneNameTheImageAfterTheLastVariationSeed() {
        // VARIATIONS.md: -S3357757885 -V 3647897225:0.1,1614299449:0.1 writes 000003.1614299449.png
        NoisePlan plan = start(XENA, XENA_BLEND, null, 1, LATENT_64, 0);
        ImageNoise image = plan.nextImage();

        assertEquals(1614299449L, image.seed());
        assertEquals(XENA, image.commandSeed());
        assertEquals(XENA_BLEND, image.variations());
        float[] expected = slerp(0.1, slerp(0.1, randn(XENA, LATENT_64), randn(3647897225L, LATENT_64)),
                randn(1614299449L, LATENT_64));
        assertArrayEquals(expected, image.noise());
        // torch was last seeded with the last -V seed, and the sampler goes on from there
        TorchGenerator afterNoise = new TorchGenerator(1614299449L);
        afterNoise.randn(new float[LATENT_64]);
        assertSameContinuation(afterNoise, image.generator(), LATENT_64);
    }

    @Test
    void blendedVariationsAloneLeaveTheChainAtTheLastVariationSeed() {
        SeedChain chain = new SeedChain(0);
        runAll(NoisePlan.start(XENA, XENA_BLEND, 0.0, 1, LATENT_64, chain));

        SeedChain expected = new SeedChain(1614299449L);
        expected.next();
        assertEquals(expected.next(), chain.next());
    }

    @Test
    void variationsWithAnImplicitSeedStartFromTheChain() {
        NoisePlan plan = NoisePlan.start(null, null, 0.3, 1, LATENT_64, new SeedChain(42), () -> 5);
        ImageNoise image = plan.nextImage();

        assertEquals(2746317213L, plan.firstSeed());
        assertEquals(2746317213L, image.commandSeed());
        assertEquals(5, image.seed());
        assertArrayEquals(slerp(0.3, randn(2746317213L, LATENT_64), randn(5, LATENT_64)), image.noise());
    }

    @Test
    void theFirstVariationSeedComesFromEntropyInTheImplicitSeedRange() {
        SeedChain chain = new SeedChain(0);
        for (int i = 0; i < 20; i++) {
            long seed = NoisePlan.start(42L, null, 0.5, 1, LATENT_64, chain).nextImage().seed();
            assertTrue(seed >= 0 && seed < 4294967295L, "out of range: " + seed);
        }
    }

    // ---- the printed command reproduces the image ---------------------------------------------------------

    static Stream<Arguments> variationCommands() {
        return Stream.of(
                Arguments.of(42L, List.of(), 0.1, 3, 1234L),
                Arguments.of(XENA, XENA_BLEND, 0.05, 3, 3279757577L),
                Arguments.of(7L, List.of(new Variation(99, 0.5)), 1.0, 2, 0L),
                Arguments.of(0L, List.of(new Variation(4294967294L, 0.0), new Variation(1, 1.0)), 0.75, 2, 5L),
                Arguments.of(2685670268L, List.of(), 1e-05, 2, 416354203L));
    }

    /**
     * A {@code -v} image records {@code -S S -V <V>,s_i:a}; given back with no {@code -v}, that list must give
     * the same noise, bit for bit, the same file name seed and the same sampler noise afterwards.
     */
    @ParameterizedTest(name = "-S {0} -V {1} -v {2} -n {3}")
    @MethodSource("variationCommands")
    void theRecordedCommandOfAVariationGivesItsNoiseBack(long seed, List<Variation> variations, double amount,
                                                          int iterations, long firstVariationSeed) {
        List<ImageNoise> images = runAll(start(seed, variations, amount, iterations, LATENT_512, firstVariationSeed));

        for (ImageNoise image : images) {
            // the weights survive being printed as Python floats and read back
            for (Variation v : image.variations()) {
                assertEquals(v.weight(), Double.parseDouble(PythonFloat.format(v.weight())));
            }
            ImageNoise replay = start(image.commandSeed(), image.variations(), 0.0, 1, LATENT_512, -1)
                    .nextImage();

            assertEquals(image.seed(), replay.seed(), "file name seed");
            assertEquals(image.commandSeed(), replay.commandSeed());
            assertEquals(image.variations(), replay.variations());
            assertArrayEquals(image.noise(), replay.noise(), "noise of image " + image.index());
            assertSameContinuation(image.generator(), replay.generator(), LATENT_512);
        }
    }

    // ---- checks and protocol -----------------------------------------------------------------------------

    @Test
    void variationAmountOutsideZeroToOneIsRejectedWithInvokeAisMessage() {
        for (double amount : new double[] {-0.1, 1.5, Double.NaN}) {
            CommandException e = assertThrows(CommandException.class,
                    () -> start(42L, null, amount, 1, LATENT_64, 0));
            assertEquals("-v --variation_amount must be in [0.0, 1.0]", e.getMessage());
        }
    }

    @Test
    void withVariationsNeedASeed() {
        CommandException e = assertThrows(CommandException.class,
                () -> start(null, XENA_BLEND, 0.1, 1, LATENT_64, 0));
        assertEquals("seed must be specified when using with_variations", e.getMessage());
    }

    @Test
    void withVariationsAloneMakeOneImage() {
        CommandException e = assertThrows(CommandException.class,
                () -> start(XENA, XENA_BLEND, null, 2, LATENT_64, 0));
        assertEquals("when using --with_variations, multiple iterations are only possible when using"
                + " --variation_amount", e.getMessage());
        assertEquals(3, runAll(start(XENA, XENA_BLEND, 0.1, 3, LATENT_64, 0)).size());
    }

    @Test
    void variationWeightsOutsideZeroToOneAreListedAsPythonPrintsThem() {
        List<Variation> bad = List.of(new Variation(1, 0.1), new Variation(2, 1.5), new Variation(3, 1e-05));
        CommandException e = assertThrows(CommandException.class, () -> start(XENA, bad, 0.1, 1, LATENT_64, 0));
        assertEquals("variation weights must be in [0.0, 1.0]: got [0.1, 1.5, 1e-05]", e.getMessage());
    }

    @Test
    void imagesGoOneAtATime() {
        NoisePlan plan = start(42L, null, null, 1, LATENT_64, 0);
        assertThrows(IllegalStateException.class, plan::imageDone);
        plan.nextImage();
        assertThrows(IllegalStateException.class, plan::nextImage);
        plan.imageDone();
        assertThrows(IllegalStateException.class, plan::nextImage);
        assertThrows(IllegalArgumentException.class, () -> start(42L, null, null, 0, LATENT_64, 0));
    }

    @Test
    void scalingAnImagesNoiseInPlaceLeavesTheNextImageAlone() {
        NoisePlan plan = start(XENA, XENA_BLEND, 0.2, 2, LATENT_64, 784039624L);
        float[] first = plan.nextImage().noise();
        for (int i = 0; i < first.length; i++) {
            first[i] *= 14.6f; // as a k-sampler scales x_T by sigma_max
        }
        plan.imageDone();
        ImageNoise second = plan.nextImage();

        ImageNoise unscaled = runAll(start(XENA, XENA_BLEND, 0.2, 2, LATENT_64, 784039624L)).get(1);
        assertArrayEquals(unscaled.noise(), second.noise());
    }

    /** {@code --perlin}: every draw, the {@code -V} ones included, is Perlin-blended before the slerps. */
    @Test
    void perlinBlendsEveryDrawBeforeTheVariationsMixThem() {
        LatentNoise shape = new LatentNoise(4, 16, 16, 0.4);
        List<ImageNoise> images = runAll(NoisePlan.start(XENA, XENA_BLEND, 0.0, 1, shape, new SeedChain(0),
                () -> 0));
        float[] expected = perlinDraw(XENA, shape);
        for (Variation v : XENA_BLEND) {
            expected = slerp(v.weight(), expected, perlinDraw(v.seed(), shape));
        }
        assertArrayEquals(expected, images.get(0).noise());

        ImageNoise plain = runAll(NoisePlan.start(7L, null, null, 1, shape, new SeedChain(0), () -> 0)).get(0);
        assertArrayEquals(perlinDraw(7, shape), plain.noise());
        assertFalse(java.util.Arrays.equals(randn(7, shape.size()), plain.noise()));
    }

    private static float[] perlinDraw(long seed, LatentNoise shape) {
        float[] noise = new float[shape.size()];
        TorchGenerator generator = new TorchGenerator(seed);
        generator.randn(noise);
        PerlinNoise.blend(noise, shape.channels(), shape.height(), shape.width(), shape.perlin(), generator);
        return noise;
    }
}
