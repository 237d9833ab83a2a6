package io.invoke4j.host.postprocess;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.host.command.PythonFloat;
import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The image a {@code !fix} works on, read as InvokeAI 2.2.5 reads it ({@code metadata_from_png}): its pixels as
 * RGB (alpha dropped, as PIL's {@code convert('RGB')}), and its seed and prompt from the {@code sd-metadata}
 * chunk (the first image of a grid; a prompt of several parts repacked as {@code a:0.7,b:0.3}), else from the
 * {@code Dream} chunk read as a command, else the seed from a file name {@code N.SEED....}.
 *
 * @param image      the pixels, {@link BufferedImage#TYPE_INT_RGB}
 * @param seed       the recorded seed, or {@code null}
 * @param prompt     the recorded prompt, or {@code null}
 * @param sdMetadata the {@code sd-metadata} text, or {@code null}
 * @param parameters A1111's {@code parameters} text, or {@code null}
 */
record SourceImage(BufferedImage image, Long seed, String prompt, String sdMetadata, String parameters) {
    private static final Pattern SEED_IN_NAME = Pattern.compile("\\d+\\.(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param dreamParser reads a {@code Dream} command
     * @param messages    InvokeAI's line when the metadata cannot be read
     * @throws CommandException {@code <path>: file could not be read} when it is not an image
     */
    static SourceImage read(Path path, Function<String, GenerationRequest> dreamParser, Consumer<String> messages) {
        BufferedImage read;
        Map<String, String> chunks;
        try {
            read = ImageIO.read(path.toFile());
            chunks = isPng(path) ? PngText.read(path) : Map.of();
        } catch (IOException | RuntimeException e) {
            throw new CommandException(path + ": file could not be read");
        }
        if (read == null) {
            throw new CommandException(path + ": file could not be read");
        }
        // the stored colours without their alpha, as convert('RGB') gives them
        BufferedImage image = Postprocessor.intRgb(read);
        String metadata = chunks.get("sd-metadata");
        String dream = chunks.get("Dream");
        Long seed = null;
        String prompt = null;
        if (metadata != null && !metadata.isEmpty()) {
            try {
                JsonNode root = JSON.readTree(metadata);
                JsonNode first = root.has("images") ? root.get("images").get(0) : root.get("image");
                if (first.hasNonNull("seed")) {
                    seed = first.get("seed").asLong();
                }
                prompt = repack(first.get("prompt"));
            } catch (JacksonException | RuntimeException e) {
                messages.accept(">> could not read metadata");
            }
        } else if (dream != null && !dream.isEmpty()) {
            try {
                GenerationRequest command = dreamParser.apply(dream);
                seed = command.seed();
                prompt = command.prompt();
            } catch (RuntimeException e) {
                messages.accept(">> could not read metadata");
            }
        } else {
            Matcher m = SEED_IN_NAME.matcher(path.getFileName().toString());
            if (m.find()) {
                try {
                    seed = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    seed = null;
                }
            }
        }
        return new SourceImage(image, seed, prompt, metadata, chunks.get("parameters"));
    }

    /** InvokeAI 2.1+'s {@code repack_prompt}: one part as is, several as {@code text:weight} joined by commas. */
    private static String repack(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            return null;
        }
        if (prompt.isTextual()) {
            return prompt.asText();
        }
        if (prompt.size() == 1) {
            return prompt.get(0).get("prompt").asText();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : prompt) {
            parts.add(part.get("prompt").asText() + ":" + PythonFloat.format(part.get("weight").asDouble()));
        }
        return String.join(",", parts);
    }

    private static boolean isPng(Path path) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(path)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        }
    }
}
