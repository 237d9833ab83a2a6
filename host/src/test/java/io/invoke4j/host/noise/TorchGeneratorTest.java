package io.invoke4j.host.noise;

import static io.invoke4j.host.testing.ReferenceJson.doubles;
import static io.invoke4j.host.testing.ReferenceJson.floats;
import static io.invoke4j.host.testing.ReferenceJson.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.host.testing.ReferenceJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TorchGenerator} against torch 1.13's own output ({@code refs/torch_randn.json}), bit for bit. */
class TorchGeneratorTest {

    private static final JsonNode REFS = ReferenceJson.load("torch_randn.json");
    private static final JsonNode SEED_42 = REFS.get("seed42");
    /** {@code torch.randn(1, 4, 64, 64)}: the latent noise of a 512 x 512 image. */
    private static final int LATENT_512 = 4 * 64 * 64;

    static Stream<String> referenceSeeds() {
        JsonNode bySeed = REFS.get("randn_1x4x64x64").get("by_seed");
        return StreamSupport.stream(((Iterable<String>) bySeed::fieldNames).spliterator(), false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("referenceSeeds")
    void latentNoiseForA512ImageIsTorchsBitForBit(String seed) {
        JsonNode expected = REFS.get("randn_1x4x64x64").get("by_seed").get(seed);
        float[] noise = new float[LATENT_512];

        new TorchGenerator(Long.parseLong(seed)).randn(noise);

        assertArrayEquals(floats(expected.get("first64")), Arrays.copyOf(noise, 64));
        assertEquals(expected.get("sha256_float32_le").asText(), sha256LittleEndian(noise));
    }

    @Test
    void secondLatentDrawContinuesTheStream() {
        JsonNode expected = SEED_42.get("randn_1x4x64x64_twice");
        TorchGenerator generator = new TorchGenerator(42);
        float[] first = new float[LATENT_512];
        float[] second = new float[LATENT_512];

        generator.randn(first);
        generator.randn(second);

        int[] indices = ints(expected.get("indices"));
        assertArrayEquals(floats(expected.get("first_call_values")), pick(first, indices));
        assertArrayEquals(floats(expected.get("second_call_values")), pick(second, indices));
        assertArrayEquals(floats(expected.get("second_call_first16")), Arrays.copyOf(second, 16));
        assertEquals(expected.get("second_call_sha256_float32_le").asText(), sha256LittleEndian(second));
    }

    @Test
    void samplerTraceNoiseOf1x4x8x8IsTorchs() {
        float[] seed7 = new float[256];
        float[] seed123 = new float[256];
        float[] seed42 = new float[256];

        new TorchGenerator(7).randn(seed7);
        new TorchGenerator(123).randn(seed123);
        new TorchGenerator(42).randn(seed42);

        assertArrayEquals(floats(REFS.get("seed7_randn_1x4x8x8").get("values")), seed7);
        assertArrayEquals(floats(REFS.get("seed123_randn_1x4x8x8").get("first16")), Arrays.copyOf(seed123, 16));
        assertArrayEquals(floats(SEED_42.get("randn_1x4x8x8").get("first16")), Arrays.copyOf(seed42, 16));
    }

    @Test
    void sixteenValuesTakeTheVectorisedPath() {
        assertArrayEquals(floats(SEED_42.get("randn_16").get("values")), randn(new TorchGenerator(42), 16));
    }

    @Test
    void raggedLengthRedoesTheLastSixteenWithFreshUniforms() {
        JsonNode expected = SEED_42.get("randn_20");
        TorchGenerator generator = new TorchGenerator(42);

        float[] normals = randn(generator, 20);
        float[] uniformsAfter = new float[4];
        generator.rand(uniformsAfter);

        assertArrayEquals(floats(expected.get("values")), normals);
        // the rand(4) that follows shows the 36 words randn(20) consumed
        assertArrayEquals(floats(expected.get("rand4_after")), uniformsAfter);
    }

    @Test
    void fewerThanSixteenValuesTakeTheScalarPath() {
        assertArrayEquals(floats(SEED_42.get("randn_3").get("values")), randn(new TorchGenerator(42), 3));
        assertArrayEquals(floats(SEED_42.get("randn_15").get("values")), randn(new TorchGenerator(42), 15));
    }

    @Test
    void scalarPathStartsWithTheNormalCachedByTheCallBefore() {
        JsonNode expected = SEED_42.get("randn_3_twice");
        TorchGenerator generator = new TorchGenerator(42);

        float[] first = randn(generator, 3);
        float[] second = randn(generator, 3);

        assertArrayEquals(floats(expected.get("first_call")), first);
        assertArrayEquals(floats(expected.get("second_call")), second);
    }

    @Test
    void cachedNormalSurvivesAVectorisedCall() {
        float cachedAfterRandn3 = floats(SEED_42.get("randn_3_twice").get("second_call"))[0];
        TorchGenerator generator = new TorchGenerator(42);

        randn(generator, 3);
        randn(generator, 16);

        assertEquals(cachedAfterRandn3, randn(generator, 1)[0]);
    }

    @Test
    void manualSeedClearsTheCachedNormal() {
        TorchGenerator generator = new TorchGenerator(42);
        randn(generator, 3);

        generator.manualSeed(42);

        assertArrayEquals(floats(SEED_42.get("randn_3_twice").get("first_call")), randn(generator, 3));
    }

    @Test
    void floatUniformsAreTorchs() {
        float[] uniforms = new float[16];
        new TorchGenerator(42).rand(uniforms);
        assertArrayEquals(floats(SEED_42.get("rand_16").get("values")), uniforms);
    }

    @Test
    void doubleUniformsAreTorchs() {
        double[] uniforms = new double[4];
        new TorchGenerator(42).rand(uniforms);
        assertArrayEquals(doubles(SEED_42.get("rand_4_float64").get("values")), uniforms);
    }

    @Test
    void onlyTheLow32BitsOfTheSeedCount() {
        float[] expected = floats(REFS.get("randn_1x4x64x64").get("by_seed").get("42").get("first64"));
        float[] noise = new float[LATENT_512];

        TorchGenerator generator = new TorchGenerator(42 + (1L << 32));
        generator.randn(noise);
        assertArrayEquals(expected, Arrays.copyOf(noise, 64));

        generator.manualSeed(42 - (3L << 32));
        generator.randn(noise);
        assertArrayEquals(expected, Arrays.copyOf(noise, 64));
    }

    private static float[] randn(TorchGenerator generator, int n) {
        float[] values = new float[n];
        generator.randn(values);
        return values;
    }

    private static float[] pick(float[] values, int[] indices) {
        float[] picked = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    private static String sha256LittleEndian(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
