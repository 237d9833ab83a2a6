package io.invoke4j.host.output;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sd-metadata} of a {@code !fix} result: its source's, with {@code {"tool": ..., "dream_command": ...}}
 * appended to the image's {@code postprocessing} list (InvokeAI's {@code add_postprocessing_to_metadata}). Every
 * other key keeps its value and order, so an InvokeAI-made source keeps InvokeAI's fields.
 */
public final class FixMetadata {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private FixMetadata() {
    }

    /**
     * @param sourceJson the source's {@code sd-metadata}
     * @return the new JSON, or empty when the source's JSON is not an object with an {@code image} (or
     *         {@code images}, whose entries each get the step) object
     */
    public static Optional<String> appendTo(String sourceJson, String tool, String dreamCommand) {
        Object parsed;
        try {
            parsed = JSON.readValue(sourceJson, Object.class);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof Map<?, ?> metadata)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) normalise(metadata);
        List<Map<String, Object>> images = new ArrayList<>();
        if (top.get("image") instanceof Map<?, ?> image) {
            images.add(cast(image));
        } else if (top.get("images") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(image -> images.add(cast((Map<?, ?>) image)));
        }
        if (images.isEmpty()) {
            return Optional.empty();
        }
        for (Map<String, Object> image : images) {
            List<Object> steps = new ArrayList<>();
            if (image.get("postprocessing") instanceof List<?> earlier) {
                steps.addAll(earlier);
            }
            steps.add(SdMetadata.step(tool, dreamCommand));
            image.put("postprocessing", steps);
        }
        return Optional.of(PythonJson.dumps(top));
    }

    /** The record's JSON with the step appended: v2.2.x's fresh metadata for a source that has none. */
    public static String fresh(ImageRecord record, String tool) {
        return appendTo(SdMetadata.json(record), tool, record.command()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Integers that fit become Long; maps keep their order. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> copy.put(String.valueOf(key), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(normalise(v)));
            return copy;
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return value;
    }
}
