package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.DType;
import io.invoke4j.api.Denoiser;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.SamplerContext;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import io.invoke4j.host.noise.TorchGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Img2ImgPipeline} over Mockito-faked sessions: the schedule and start latents the sampler is given, the noise
 * order, the inpainting blend before every step, and the sampler swap. Real-model runs are the dist tests' job.
 */
class Img2ImgPipelineTest {
    private static final DiscreteSchedule SCHEDULE = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);
    private static final int[] SHAPE = {1, 4, 2, 2};
    private static final int SIZE = 16;
    private static final long SEED = 1234;

    private final List<Tensor> decoderInputs = new ArrayList<>();
    private final List<Float> unetTimesteps = new ArrayList<>();
    private StableDiffusionModel model;

    @BeforeEach
    void fakeModel() {
        InferenceSession unet = lazyUnet();
        InferenceSession decoder = decoder();
        model = mock(StableDiffusionModel.class);
        when(model.schedule()).thenReturn(SCHEDULE);
        when(model.unet()).thenReturn(unet);
        when(model.vaeDecoder()).thenReturn(decoder);
    }

    /** A UNet that predicts no noise at all, whatever it is shown. */
    private InferenceSession lazyUnet() {
        InferenceSession unet = mock(InferenceSession.class);
        when(unet.inputs()).thenReturn(List.of(
                new TensorInfo("sample", DType.FLOAT32, new long[] {-1, 4, -1, -1}),
                new TensorInfo("timestep", DType.FLOAT32, new long[] {-1}),
                new TensorInfo("encoder_hidden_states", DType.FLOAT32, new long[] {-1, -1, 2})));
        when(unet.outputs()).thenReturn(List.of(new TensorInfo("out_sample", DType.FLOAT32, new long[] {-1, 4, -1, -1})));
        when(unet.run(any())).thenAnswer(invocation -> {
            Map<String, Tensor> in = invocation.getArgument(0);
            unetTimesteps.add(in.get("timestep").floats()[0]);
            Tensor sample = in.get("sample");
            return Map.of("out_sample", Tensor.ofFloats(new float[sample.size()], sample.shape()));
        });
        return unet;
    }

    private InferenceSession decoder() {
        InferenceSession vae = mock(InferenceSession.class);
        when(vae.inputs()).thenReturn(List.of(new TensorInfo("latent_sample", DType.FLOAT32, new long[] {-1, 4, -1, -1})));
        when(vae.outputs()).thenReturn(List.of(new TensorInfo("sample", DType.FLOAT32, new long[] {-1, 3, -1, -1})));
        when(vae.run(any())).thenAnswer(invocation -> {
            Map<String, Tensor> in = invocation.getArgument(0);
            Tensor latents = in.get("latent_sample");
            decoderInputs.add(Tensor.ofFloats(latents.floats().clone(), latents.shape()));
            return Map.of("sample", Tensor.ofFloats(new float[3 * 16 * 16], 1, 3, 16, 16));
        });
        return vae;
    }

    private static Tensor hidden() {
        return Tensor.ofFloats(new float[4], 1, 2, 2);
    }

    private static Latents init() {
        float[] values = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = (i - 7.5f) / 8f;
        }
        return new Latents(values, SHAPE);
    }

    /** Keep the first two pixels of each channel's 2x2, repaint the others. */
    private static Latents halfMask() {
        float[] mask = new float[SIZE];
        for (int c = 0; c < 4; c++) {
            mask[c * 4] = 1f;
            mask[c * 4 + 1] = 1f;
        }
        return new Latents(mask, SHAPE);
    }

    private static Img2ImgPipeline.Img2ImgParams params(Latents mask, int steps, double strength) {
        return params(mask, steps, strength, 0.0);
    }

    private static Img2ImgPipeline.Img2ImgParams params(Latents mask, int steps, double strength, double replace) {
        return new Img2ImgPipeline.Img2ImgParams(hidden(), hidden(), init(), mask, new TorchGenerator(SEED), steps,
                strength, 7.5f, 30, replace);
    }

    private static float[] draw(TorchGenerator generator) {
        float[] noise = new float[SIZE];
        generator.randn(noise);
        return noise;
    }

    /**
     * Records what it is given; each step asks for the noise, draws one unused {@code randn_like} (as DDIM does),
     * halves x and reports.
     */
    private static final class RecordingSampler implements Sampler {
        final ScheduleKind kind;
        final List<float[]> xAtModelCalls = new ArrayList<>();
        final List<float[]> draws = new ArrayList<>();
        float[] startX;
        float[] sigmas;
        int[] timesteps;
        Latents given;

        RecordingSampler(ScheduleKind kind) {
            this.kind = kind;
        }

        @Override
        public String name() {
            return kind == ScheduleKind.TIMESTEPS ? "ddim" : "k_test";
        }

        @Override
        public ScheduleKind scheduleKind() {
            return kind;
        }

        @Override
        public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
            given = x;
            startX = x.data().clone();
            this.sigmas = sigmas.clone();
            timesteps = context.timesteps().clone();
            Latents eps = Latents.zerosLike(x);
            Latents noise = Latents.zerosLike(x);
            for (int i = 0; i < sigmas.length - 1; i++) {
                xAtModelCalls.add(x.data().clone());
                if (kind == ScheduleKind.TIMESTEPS) {
                    model.predictNoise(x, timesteps[i], eps);
                } else {
                    model.denoise(x, sigmas[i], eps);
                }
                context.randnLike(noise);
                draws.add(noise.data().clone());
                x.scale(0.5f);
                context.stepDone(i, x, eps);
            }
            return x;
        }
    }

    /** InvokeAI's DDIM with eta 0, as the samplers plugin implements it, for the end-to-end inpainting check. */
    private static final class TestDdim implements Sampler {
        @Override
        public String name() {
            return "ddim";
        }

        @Override
        public ScheduleKind scheduleKind() {
            return ScheduleKind.TIMESTEPS;
        }

        @Override
        public Latents sample(Denoiser model, Latents x, float[] sigmas, SamplerContext context) {
            int[] timesteps = context.timesteps();
            float[] ac = context.alphasCumprod();
            Latents eps = Latents.zerosLike(x);
            Latents predicted = Latents.zerosLike(x);
            Latents unused = Latents.zerosLike(x);
            for (int i = 0; i < timesteps.length; i++) {
                model.predictNoise(x, timesteps[i], eps);
                float a = ac[timesteps[i]];
                float aPrev = i + 1 < timesteps.length ? ac[timesteps[i + 1]] : ac[0];
                predicted.setLinear(1f, x, -(float) Math.sqrt(1f - a), eps).divide((float) Math.sqrt(a));
                x.setLinear((float) Math.sqrt(aPrev), predicted, (float) Math.sqrt(1f - aPrev), eps);
                context.randnLike(unused);
                context.stepDone(i, x, predicted);
            }
            return x;
        }
    }

    @Test
    void aKSamplerGetsTheScheduleTailAndTheInitPlusTheSecondDraw() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.SIGMAS);
        List<Integer> progress = new ArrayList<>();

        Txt2ImgPipeline.Result result = new Img2ImgPipeline(model).generate(params(null, 50, 0.75), sampler,
                (step, steps, x, denoised) -> progress.add(steps));

        float[] tail = Arrays.copyOfRange(SCHEDULE.modelSigmas(50), 13, 51);
        assertArrayEquals(tail, sampler.sigmas);
        TorchGenerator generator = new TorchGenerator(SEED);
        draw(generator); // x_T, thrown away by KSampler.stochastic_encode
        float[] noise = draw(generator);
        float[] expected = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            expected[i] = init().data()[i] + noise[i] * tail[0];
        }
        assertArrayEquals(expected, sampler.startX);
        // the sampler's own draws continue the same stream
        assertArrayEquals(draw(generator), sampler.draws.get(0));
        assertEquals(37, progress.size());
        assertTrue(progress.stream().allMatch(steps -> steps == 37));
        assertSame(sampler.given, result.latents());
    }

    @Test
    void theResultIsDecodedFromTheFinalLatents() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.SIGMAS);

        Txt2ImgPipeline.Result result = new Img2ImgPipeline(model).generate(params(null, 10, 0.5), sampler,
                SamplingProgress.NONE);

        float[] expected = result.latents().data().clone();
        for (int i = 0; i < SIZE; i++) {
            expected[i] *= (float) (1.0 / StableDiffusionModel.LATENT_SCALE);
        }
        assertEquals(1, decoderInputs.size());
        assertArrayEquals(expected, decoderInputs.get(0).floats());
        assertArrayEquals(new long[] {1, 3, 16, 16}, result.decoded().shape());
    }

    @Test
    void ddimGetsTheFirstTEncTimestepsDownAndTheInitEncodedWithTheFirstDraw() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.TIMESTEPS);

        new Img2ImgPipeline(model).generate(params(null, 50, 0.75), sampler, SamplingProgress.NONE);

        int[] expectedTimesteps = new int[37];
        for (int i = 0; i < 37; i++) {
            expectedTimesteps[i] = 721 - 20 * i;
        }
        assertArrayEquals(expectedTimesteps, sampler.timesteps);
        TorchGenerator generator = new TorchGenerator(SEED);
        float[] first = draw(generator);
        float a = SCHEDULE.alphasCumprod()[721];
        float[] expected = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            expected[i] = (float) Math.sqrt(a) * init().data()[i] + (float) Math.sqrt(1f - a) * first[i];
        }
        assertArrayEquals(expected, sampler.startX);
        assertArrayEquals(draw(generator), sampler.draws.get(0));
        // the UNet sees the integer timesteps, highest first
        assertEquals(721f, unetTimesteps.get(0));
        assertEquals(1f, unetTimesteps.get(unetTimesteps.size() - 1));
    }

    @Test
    void inpaintingBlendsTheNoisedInitIntoTheKeptAreaBeforeEveryStep() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.TIMESTEPS);
        Latents mask = halfMask();

        new Img2ImgPipeline(model).generate(params(mask, 10, 0.5), sampler, SamplingProgress.NONE);

        int[] timesteps = {401, 301, 201, 101, 1};
        assertArrayEquals(timesteps, sampler.timesteps);
        // re-derive every step: the blend's fresh draw, then the sampler's own
        TorchGenerator generator = new TorchGenerator(SEED);
        float[] xT = draw(generator);
        float a = SCHEDULE.alphasCumprod()[401];
        float[] x0 = init().data();
        float[] x = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = (float) Math.sqrt(a) * x0[i] + (float) Math.sqrt(1f - a) * xT[i];
        }
        float[] m = mask.data();
        for (int step = 0; step < timesteps.length; step++) {
            float[] fresh = draw(generator);
            float signal = SCHEDULE.sqrtAlphaCumprod(timesteps[step]);
            float noise = SCHEDULE.sqrtOneMinusAlphaCumprod(timesteps[step]);
            for (int i = 0; i < SIZE; i++) {
                float original = signal * x0[i] + noise * fresh[i];
                x[i] = original * m[i] + (1f - m[i]) * x[i];
            }
            assertArrayEquals(x, sampler.xAtModelCalls.get(step), "x at step " + step);
            assertArrayEquals(draw(generator), sampler.draws.get(step), "the sampler's draw at step " + step);
            for (int i = 0; i < SIZE; i++) {
                x[i] *= 0.5f;
            }
        }
        // no blend after the last step
        assertArrayEquals(x, sampler.given.data());
    }

    @Test
    void inpaintingKeepsTheMaskedAreaCloseToTheInitAndRepaintsTheRest() {
        Latents mask = halfMask();

        Txt2ImgPipeline.Result result = new Img2ImgPipeline(model).generate(params(mask, 50, 0.75), new TestDdim(),
                SamplingProgress.NONE);

        // with a UNet that predicts no noise, each DDIM step scales x by sqrt(a_prev / a): the last one takes the kept
        // area, freshly noised to timestep 1, to the init plus about 0.04 of one noise draw; the repainted area,
        // never blended, is the start latents scaled by sqrt(ac[0] / ac[721]) in all
        TorchGenerator generator = new TorchGenerator(SEED);
        float[] xT = draw(generator);
        float[] ac = SCHEDULE.alphasCumprod();
        float[] x0 = init().data();
        float[] out = result.latents().data();
        for (int i = 0; i < SIZE; i++) {
            if (mask.data()[i] == 1f) {
                assertEquals(x0[i], out[i], 0.25f, "kept [" + i + "]");
            } else {
                float start = (float) Math.sqrt(ac[721]) * x0[i] + (float) Math.sqrt(1f - ac[721]) * xT[i];
                float expected = (float) (start * Math.sqrt(ac[0] / (double) ac[721]));
                assertEquals(expected, out[i], 1e-4f * Math.abs(expected), "repainted [" + i + "]");
            }
        }
    }

    @Test
    void theKeptAreaIsExactlyTheLastBlendTakenThroughTheLastStep() {
        Latents mask = halfMask();

        Txt2ImgPipeline.Result result = new Img2ImgPipeline(model).generate(params(mask, 10, 0.2), new TestDdim(),
                SamplingProgress.NONE);

        // t_enc 2: encode (draw 1), blend at 101 (draw 2), step (draw 3), blend at 1 (draw 4), step (draw 5)
        TorchGenerator generator = new TorchGenerator(SEED);
        for (int i = 0; i < 3; i++) {
            draw(generator);
        }
        float[] fresh = draw(generator);
        float[] ac = SCHEDULE.alphasCumprod();
        float[] x0 = init().data();
        for (int i = 0; i < SIZE; i++) {
            if (mask.data()[i] == 1f) {
                float blended = SCHEDULE.sqrtAlphaCumprod(1) * x0[i] + SCHEDULE.sqrtOneMinusAlphaCumprod(1) * fresh[i];
                // the DDIM step with no predicted noise
                float predicted = blended / (float) Math.sqrt(ac[1]);
                float expected = (float) Math.sqrt(ac[0]) * predicted;
                assertEquals(expected, result.latents().data()[i], 1e-6f, "kept [" + i + "]");
            }
        }
    }

    // --- -r/--inpaint_replace

    /** The DDIM start at t_enc 5 of 10 (timestep 401) from the first draw, before any replace or blend. */
    private static float[] ddimStart(float[] xT) {
        float a = SCHEDULE.alphasCumprod()[401];
        float[] x0 = init().data();
        float[] x = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = (float) Math.sqrt(a) * x0[i] + (float) Math.sqrt(1f - a) * xT[i];
        }
        return x;
    }

    @Test
    void inpaintReplaceZeroDrawsNothingAndChangesNothing() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.TIMESTEPS);

        new Img2ImgPipeline(model).generate(params(halfMask(), 10, 0.5, 0.0), sampler, SamplingProgress.NONE);

        TorchGenerator generator = new TorchGenerator(SEED);
        float[] start = ddimStart(draw(generator));
        float[] m = halfMask().data();
        for (int i = 0; i < SIZE; i++) {
            if (m[i] == 0f) {
                assertEquals(start[i], sampler.startX[i], "repainted [" + i + "]");
            }
        }
        // the stream goes on with the first blend, then the sampler: no draw for the replace
        draw(generator);
        assertArrayEquals(draw(generator), sampler.draws.get(0));
    }

    @Test
    void inpaintReplaceOneStartsTheRepaintedAreaFromTheNextDraw() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.TIMESTEPS);

        new Img2ImgPipeline(model).generate(params(halfMask(), 10, 0.5, 1.0), sampler, SamplingProgress.NONE);

        TorchGenerator generator = new TorchGenerator(SEED);
        float[] start = ddimStart(draw(generator));
        float[] replacement = draw(generator);
        float[] blendNoise = draw(generator);
        float[] m = halfMask().data();
        float[] x0 = init().data();
        for (int i = 0; i < SIZE; i++) {
            if (m[i] == 0f) {
                assertEquals(replacement[i], sampler.startX[i], "repainted [" + i + "]");
            } else {
                // the kept area is blended before the first step as ever, now with the third draw
                float kept = SCHEDULE.sqrtAlphaCumprod(401) * x0[i] + SCHEDULE.sqrtOneMinusAlphaCumprod(401) * blendNoise[i];
                assertEquals(kept, sampler.startX[i], "kept [" + i + "]");
                assertNotEquals(start[i], sampler.startX[i]);
            }
        }
        assertArrayEquals(draw(generator), sampler.draws.get(0));
    }

    @Test
    void inpaintReplaceMovesTheRepaintedAreaTowardTheNoiseByR() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.TIMESTEPS);

        new Img2ImgPipeline(model).generate(params(halfMask(), 10, 0.5, 0.3), sampler, SamplingProgress.NONE);

        TorchGenerator generator = new TorchGenerator(SEED);
        float[] start = ddimStart(draw(generator));
        float[] noise = draw(generator);
        float[] m = halfMask().data();
        for (int i = 0; i < SIZE; i++) {
            if (m[i] == 0f) {
                // z*m + (1-m)*((1-r)*z + r*n) with m = 0, in float32
                float expected = 0.7f * start[i] + 0.3f * noise[i];
                assertEquals(expected, sampler.startX[i], 1e-6f, "repainted [" + i + "]");
            }
        }
    }

    @Test
    void inpaintReplaceNeedsAMask() {
        assertThrows(IllegalArgumentException.class, () -> params(null, 10, 0.5, 0.5));
    }

    @Test
    void plainImg2ImgDoesNotBlend() {
        RecordingSampler withMask = new RecordingSampler(ScheduleKind.TIMESTEPS);
        RecordingSampler without = new RecordingSampler(ScheduleKind.TIMESTEPS);
        new Img2ImgPipeline(model).generate(params(halfMask(), 10, 0.5), withMask, SamplingProgress.NONE);
        new Img2ImgPipeline(model).generate(params(null, 10, 0.5), without, SamplingProgress.NONE);

        // the same start, but with a mask the kept area is blended before the sampler sees it
        float[] m = halfMask().data();
        for (int i = 0; i < SIZE; i++) {
            if (m[i] == 0f) {
                assertEquals(without.startX[i], withMask.startX[i], "repainted [" + i + "]");
            } else {
                assertNotEquals(without.startX[i], withMask.startX[i], "kept [" + i + "]");
            }
        }
        // without a mask the sampler's first draw is the second of the stream
        TorchGenerator generator = new TorchGenerator(SEED);
        draw(generator);
        assertArrayEquals(draw(generator), without.draws.get(0));
    }

    @Test
    void aKSamplerCannotInpaint() {
        RecordingSampler kSampler = new RecordingSampler(ScheduleKind.SIGMAS);
        Img2ImgPipeline pipeline = new Img2ImgPipeline(model);
        assertThrows(IllegalArgumentException.class,
                () -> pipeline.generate(params(halfMask(), 10, 0.5), kSampler, SamplingProgress.NONE));
    }

    @Test
    void aMaskOfAnotherShapeIsRejected() {
        Latents wrong = new Latents(new float[4 * 9], 1, 4, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> params(wrong, 10, 0.5));
    }

    @Test
    void tooLittleStrengthForOneStepDecodesTheInit() {
        RecordingSampler sampler = new RecordingSampler(ScheduleKind.SIGMAS);

        Txt2ImgPipeline.Result result = new Img2ImgPipeline(model).generate(params(null, 10, 0.05), sampler,
                SamplingProgress.NONE);

        assertArrayEquals(init().data(), result.latents().data());
        assertEquals(null, sampler.given);
    }

    @Test
    void inpaintingSwapsKSamplersForDdimAndSaysSo() {
        Sampler kLms = new RecordingSampler(ScheduleKind.SIGMAS);
        Sampler ddim = new TestDdim();
        Sampler plms = new RecordingSampler(ScheduleKind.TIMESTEPS);
        Function<String, Optional<Sampler>> registry = name -> "ddim".equals(name) ? Optional.of(ddim) : Optional.empty();
        List<String> messages = new ArrayList<>();

        assertSame(ddim, InpaintingSampler.choose(kLms, registry, messages::add));
        assertEquals(List.of(">> Using recommended DDIM sampler for inpainting."), messages);

        messages.clear();
        assertSame(plms, InpaintingSampler.choose(plms, registry, messages::add));
        assertSame(ddim, InpaintingSampler.choose(ddim, registry, messages::add));
        assertEquals(List.of(), messages);

        CommandException e = assertThrows(CommandException.class,
                () -> InpaintingSampler.choose(kLms, name -> Optional.empty(), messages::add));
        assertTrue(e.getMessage().contains("ddim"));
        assertEquals(1, e.getMessage().lines().count());
    }
}
