package io.invoke4j.host.generate;

import static io.invoke4j.host.testing.ReferenceJson.floats;
import static io.invoke4j.host.testing.ReferenceJson.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.api.Latents;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.host.noise.TorchGenerator;
import io.invoke4j.host.testing.ReferenceJson;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Img2ImgSchedule} against InvokeAI 2.2.5's {@code Img2Img.generate} ({@code refs/cfg_and_img2img.json}):
 * t_enc, indices and timesteps exact, sigmas 1e-6 relative (the README's tolerances), and the start latents drawn
 * in InvokeAI's order.
 */
class Img2ImgScheduleTest {

    private static final JsonNode REFS = ReferenceJson.load("cfg_and_img2img.json");
    private static final JsonNode RANDN = ReferenceJson.load("torch_randn.json");
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final int INVOKEAI_KARRAS_MAX = 30;
    private static final DiscreteSchedule SCHEDULE = DiscreteSchedule.scaledLinear(0.00085, 0.012, 1000);
    private static final long SEED = REFS.get("seed").longValue();

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(REFS.get("cases").spliterator(), false);
    }

    /** The reference's stand-in init latent: {@code torch.linspace(-1, 1, 256).reshape(1, 4, 8, 8)}. */
    private static Latents referenceInit() {
        return new Latents(TorchLinspace.floats(-1f, 1f, 256), 1, 4, 8, 8);
    }

    private static String name(JsonNode c) {
        return c.get("steps").asInt() + " steps, strength " + c.get("strength").asText();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void tEncIsTheTruncatedDoubleProduct(JsonNode c) {
        assertEquals(c.get("t_enc").asInt(), Img2ImgSchedule.tEnc(c.get("strength").asDouble(), c.get("steps").asInt()),
                name(c));
    }

    @Test
    void fiftyEightHundredthsOfFiftyStepsIsTwentyEight() {
        // 0.58 * 50 = 28.999999999999996 in doubles
        assertEquals(28, Img2ImgSchedule.tEnc(0.58, 50));
        assertEquals(37, Img2ImgSchedule.tEnc(0.75, 50));
        assertEquals(49, Img2ImgSchedule.tEnc(0.99, 50));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void kSamplersWalkTheTailOfTheFullSchedule(JsonNode c) {
        JsonNode expected = c.get("ksampler");
        int steps = c.get("steps").asInt();
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, steps, c.get("strength").asDouble(),
                INVOKEAI_KARRAS_MAX);

        assertClose(floats(expected.get("full_schedule")), s.fullSigmas(), name(c) + " full schedule ("
                + expected.get("schedule").asText() + ")");
        assertEquals(expected.get("start_index").asInt(), s.startStep(), name(c));
        assertEquals(expected.get("n_sampler_steps").asInt(), s.tEnc(), name(c));
        assertClose(floats(expected.get("sigmas_used")), s.sigmas(), name(c) + " sigmas used");
        assertEquals(0, s.timesteps().length);
    }

    @Test
    void karrasVariantsTakeTheTailOfTheKarrasScheduleWhateverTheSteps() {
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.KARRAS_SIGMAS, 50, 0.75, INVOKEAI_KARRAS_MAX);
        float[] karras = SCHEDULE.karrasSigmas(50);
        assertArrayEquals(Arrays.copyOfRange(karras, 13, 51), s.sigmas());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void kSamplersStartFromTheInitPlusTheSecondDrawTimesTheFirstSigma(JsonNode c) {
        JsonNode expected = c.get("ksampler");
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, c.get("steps").asInt(),
                c.get("strength").asDouble(), INVOKEAI_KARRAS_MAX);

        Latents x = s.noisedStart(referenceInit(), new TorchGenerator(SEED));

        assertClose(floats(expected.get("x_start_first8")), Arrays.copyOf(x.data(), 8), name(c) + " start x");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void ddimEncodesAtTEncMinusOneAndWalksTheFirstTEncTimestepsDown(JsonNode c) {
        JsonNode expected = c.get("ddim");
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.TIMESTEPS, c.get("steps").asInt(),
                c.get("strength").asDouble(), INVOKEAI_KARRAS_MAX);

        int[] timesteps = s.timesteps();
        assertArrayEquals(ints(expected.get("timesteps_used")), timesteps, name(c));
        assertEquals(expected.get("encode_timestep").asInt(), timesteps[0], name(c));
        assertEquals(expected.get("encode_index").asInt(), c.get("t_enc").asInt() - 1, name(c));
        assertEquals(Float.parseFloat(expected.get("encode_alpha_cumprod").asText()), s.encodeAlpha(), name(c));
        // what a timestep sampler is given as sigmas: each timestep's sigma, then 0
        float[] sigmas = s.sigmas();
        assertEquals(timesteps.length + 1, sigmas.length);
        assertEquals(SCHEDULE.sigmas()[timesteps[0]], sigmas[0]);
        assertEquals(0f, sigmas[sigmas.length - 1]);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void ddimStartsFromTheFirstDraw(JsonNode c) {
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.TIMESTEPS, c.get("steps").asInt(),
                c.get("strength").asDouble(), INVOKEAI_KARRAS_MAX);
        Latents init = referenceInit();
        // torch.manual_seed(42); torch.randn(1, 4, 8, 8)[:16], as torch drew it
        float[] firstDraw = floats(RANDN.get("seed42").get("randn_1x4x8x8").get("first16"));
        float a = s.encodeAlpha();
        float signal = (float) Math.sqrt(a);
        float noise = (float) Math.sqrt(1f - a);

        Latents x = s.noisedStart(init, new TorchGenerator(SEED));

        for (int i = 0; i < firstDraw.length; i++) {
            assertEquals(signal * init.data()[i] + noise * firstDraw[i], x.data()[i], name(c) + " [" + i + "]");
        }
    }

    @Test
    void aFiveTwelveImageUsesTheSecondLatentDrawOfItsSeed() {
        // the noise of a 512 x 512 img2img with a k-sampler is torch_randn.json's second 1x4x64x64 call, not the first
        JsonNode twice = RANDN.get("seed42").get("randn_1x4x64x64_twice");
        Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, 50, 0.75, INVOKEAI_KARRAS_MAX);
        Latents init = new Latents(new float[4 * 64 * 64], 1, 4, 64, 64);

        Latents x = s.noisedStart(init, new TorchGenerator(42));

        int[] indices = ints(twice.get("indices"));
        float[] second = floats(twice.get("second_call_values"));
        float sigma = s.sigmas()[0];
        for (int i = 0; i < indices.length; i++) {
            assertEquals(0f + second[i] * sigma, x.data()[indices[i]], "index " + indices[i]);
        }
    }

    @Test
    void noStepsLeaveTheInitAsItIs() {
        Latents init = referenceInit();
        for (ScheduleKind kind : ScheduleKind.values()) {
            Img2ImgSchedule s = Img2ImgSchedule.of(SCHEDULE, kind, 10, 0.05, INVOKEAI_KARRAS_MAX);
            assertEquals(0, s.tEnc());
            assertArrayEquals(init.data(), s.noisedStart(init, new TorchGenerator(1)).data(), kind.name());
        }
    }

    @Test
    void theInitLatentsAreNotChanged() {
        Latents init = referenceInit();
        float[] before = init.data().clone();
        Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, 50, 0.75, 30).noisedStart(init, new TorchGenerator(3));
        Img2ImgSchedule.of(SCHEDULE, ScheduleKind.TIMESTEPS, 50, 0.75, 30).noisedStart(init, new TorchGenerator(3));
        assertArrayEquals(before, init.data());
    }

    @Test
    void strengthOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, 50, 1.5, 30));
        assertThrows(IllegalArgumentException.class, () -> Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, 50, -0.1, 30));
        assertThrows(IllegalArgumentException.class,
                () -> Img2ImgSchedule.of(SCHEDULE, ScheduleKind.SIGMAS, 50, Double.NaN, 30));
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = RELATIVE_TOLERANCE * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tolerance, what + " [" + i + "]");
        }
    }
}
