package io.invoke4j.host.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the reference files copied from {@code shared/refs} into {@code src/test/resources/refs}. Their float32
 * values are the shortest decimals that round-trip through float parsing, so they are kept as decimals and parsed
 * straight to float: going through double first could round twice.
 */
public final class ReferenceJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReferenceJson() {
    }

    /** The parsed reference file {@code refs/<name>} from the test class path. */
    public static JsonNode load(String name) {
        try (InputStream in = ReferenceJson.class.getResourceAsStream("/refs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource refs/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of float32 values, exactly. */
    public static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(array.get(i).decimalValue().toString());
        }
        return values;
    }

    /** A JSON array of float64 values, exactly. */
    public static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(array.get(i).decimalValue().toString());
        }
        return values;
    }

    /** A JSON array of integers (up to 64-bit, e.g. unsigned 32-bit words). */
    public static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).longValue();
        }
        return values;
    }

    /** A JSON array of 32-bit integers. */
    public static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).intValue();
        }
        return values;
    }
}
