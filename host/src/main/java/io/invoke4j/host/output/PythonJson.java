package io.invoke4j.host.output;

import io.invoke4j.host.command.PythonFloat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(value)} with its defaults: separators {@code ", "} and {@code ": "}, no indent,
 * non-ASCII as {@code \}{@code uXXXX} escapes, floats as {@code repr}. InvokeAI's {@code sd-metadata} is written
 * this way, so files from both programs read alike.
 */
final class PythonJson {
    private PythonJson() {
    }

    /**
     * @param value null, a String, Boolean, Integer, Long, BigInteger, Double, a Map with String keys (in its iteration
     *              order) or a List of these
     */
    static String dumps(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            appendString(json, text);
        } else if (value instanceof Boolean flag) {
            json.append(flag ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            json.append(value);
        } else if (value instanceof Double number) {
            appendFloat(json, number);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(json, map);
        } else if (value instanceof List<?> list) {
            appendArray(json, list);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder json, Map<?, ?> map) {
        json.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            appendString(json, (String) entry.getKey());
            json.append(": ");
            append(json, entry.getValue());
            if (entries.hasNext()) {
                json.append(", ");
            }
        }
        json.append('}');
    }

    private static void appendArray(StringBuilder json, List<?> list) {
        json.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                json.append(", ");
            }
            append(json, list.get(i));
        }
        json.append(']');
    }

    /* json.dumps writes the non-finite floats as JavaScript names, not as repr's 'nan' / 'inf'. */
    private static void appendFloat(StringBuilder json, double number) {
        if (Double.isNaN(number)) {
            json.append("NaN");
        } else if (Double.isInfinite(number)) {
            json.append(number > 0 ? "Infinity" : "-Infinity");
        } else {
            json.append(PythonFloat.format(number));
        }
    }

    /* Escapes what Python's ESCAPE_ASCII does: '\\', '"' and everything outside ' '..'~', UTF-16 unit by unit. */
    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> json.append("\\\\");
                case '"' -> json.append("\\\"");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        json.append(c);
                    } else {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        json.append('"');
    }
}
