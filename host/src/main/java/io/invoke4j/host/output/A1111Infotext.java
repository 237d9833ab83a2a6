package io.invoke4j.host.output;

import io.invoke4j.api.GenerationRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AUTOMATIC1111's {@code parameters} chunk read back, as A1111's own {@code parse_generation_parameters} reads
 * it: the prompt lines, the {@code Negative prompt:} lines, and the last line's {@code Key: value} settings
 * (a value may be a JSON string in double quotes; {@code Size: 512x768} becomes {@code Size-1}, {@code Size-2}).
 * The last line counts as settings only when it holds at least three of them; otherwise it is prompt text.
 *
 * @param prompt         the positive prompt, its lines joined with {@code \n}
 * @param negativePrompt the negative prompt, or an empty string
 * @param settings       the settings in file order
 */
record A1111Infotext(String prompt, String negativePrompt, Map<String, String> settings) {
    /** A1111's {@code re_param}: a key of word characters, spaces, {@code -} and {@code /}, then a value. */
    private static final Pattern SETTING = Pattern.compile(
            "\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{4}");
    private static final Pattern IMAGE_SIZE = Pattern.compile("^(\\d+)x(\\d+)$");
    private static final String NEGATIVE = "Negative prompt:";
    private static final int MIN_SETTINGS = 3;

    A1111Infotext {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static A1111Infotext parse(String text) {
        List<String> lines = Arrays.asList(text.strip().split("\n", -1));
        String last = lines.get(lines.size() - 1);
        Map<String, String> settings = settings(last);
        List<String> promptLines = lines;
        if (settings.size() >= MIN_SETTINGS) {
            promptLines = lines.subList(0, lines.size() - 1);
        } else {
            settings = Map.of();
        }
        StringBuilder prompt = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        boolean inNegative = false;
        for (String raw : promptLines) {
            String line = raw.strip();
            if (line.startsWith(NEGATIVE)) {
                inNegative = true;
                line = line.substring(NEGATIVE.length()).strip();
            }
            StringBuilder part = inNegative ? negative : prompt;
            part.append(part.length() == 0 ? "" : "\n").append(line);
        }
        return new A1111Infotext(prompt.toString(), negative.toString(), settings);
    }

    private static Map<String, String> settings(String line) {
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher m = SETTING.matcher(line);
        while (m.find()) {
            String key = m.group(1);
            String value = m.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = unquoteJson(value);
            }
            Matcher size = IMAGE_SIZE.matcher(value);
            if (size.matches()) {
                settings.put(key + "-1", size.group(1));
                settings.put(key + "-2", size.group(2));
            } else {
                settings.put(key, value);
            }
        }
        return settings;
    }

    /**
     * The {@code invoke>} request these parameters describe: the prompt with the negative prompt as InvokeAI's
     * {@code [negative]} group (line breaks become spaces: an {@code invoke>} command is one line), the steps, seed,
     * size, CFG scale and sampler. A1111's other settings (model, hashes, extensions) have no {@code invoke>}
     * switch and are left out, as is {@code Denoising strength}, which means nothing without the init image that
     * A1111 does not record.
     *
     * @throws IllegalArgumentException naming a setting that is missing or not a number
     */
    GenerationRequest toRequest() {
        String text = oneLine(prompt);
        String negative = oneLine(negativePrompt);
        if (!negative.isEmpty()) {
            text = (text + " [" + negative + "]").strip();
        }
        return GenerationRequest.builder()
                .prompt(text)
                .steps(integer("Steps"))
                .seed(Long.parseLong(number("Seed", "-?\\d+")))
                .width(size("Size-1"))
                .height(size("Size-2"))
                .cfgScale(Double.parseDouble(number("CFG scale", "\\d+(\\.\\d*)?|\\.\\d+")))
                .sampler(A1111SamplerName.toInvoke(required("Sampler"), settings.get("Schedule type")))
                .build();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').strip();
    }

    /** A1111's parser splits a {@code WxH} size into {@code Size-1} and {@code Size-2}; any other is kept whole. */
    private int size(String part) {
        String whole = settings.get("Size");
        if (whole != null && !settings.containsKey(part)) {
            throw new IllegalArgumentException("A1111 parameters: Size '" + whole + "' is not WIDTHxHEIGHT");
        }
        return integer(part);
    }

    private int integer(String key) {
        String digits = number(key, "\\d{1,9}");
        return Integer.parseInt(digits);
    }

    private String number(String key, String pattern) {
        String value = required(key).strip();
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException("A1111 parameters: " + displayKey(key) + " '" + value
                    + "' is not a number");
        }
        return value;
    }

    private String required(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("A1111 parameters have no " + displayKey(key));
        }
        return value;
    }

    private static String displayKey(String key) {
        return key.startsWith("Size-") ? "Size" : key;
    }

    /** The text of a JSON string literal: {@code json.loads} of a quoted A1111 value. */
    private static String unquoteJson(String literal) {
        StringBuilder text = new StringBuilder();
        int end = literal.length() - 1; // the closing quote
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                text.append(c);
                continue;
            }
            char escaped = literal.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    if (i + 4 < end && HEX4.matcher(literal.substring(i + 1, i + 5)).matches()) {
                        text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        text.append("\\u");
                    }
                }
                default -> text.append(escaped); // \" \\ \/
            }
        }
        return text.toString();
    }
}
