package io.invoke4j.host.output;

import io.invoke4j.api.GenerationRequest;
import io.invoke4j.host.command.CanonicalCommand;
import java.util.Map;
import java.util.Optional;

/**
 * The command an image stores, as {@code !fetch} reads it back: InvokeAI's {@code Dream} chunk (invoke4j and
 * InvokeAI images), else a command rebuilt from AUTOMATIC1111's {@code parameters} chunk (A1111 images).
 */
public final class StoredCommand {
    private static final String DREAM = "Dream";
    private static final String PARAMETERS = "parameters";

    private StoredCommand() {
    }

    /**
     * @param textChunks a PNG's text chunks ({@link PngText#read})
     * @return the command, or empty when the chunks hold neither a {@code Dream} nor a {@code parameters} text
     * @throws IllegalArgumentException one line, when an A1111 text lacks a setting the command needs
     */
    public static Optional<String> of(Map<String, String> textChunks) {
        String dream = textChunks.get(DREAM);
        if (dream != null && !dream.isBlank()) {
            return Optional.of(dream);
        }
        String parameters = textChunks.get(PARAMETERS);
        if (parameters != null && !parameters.isBlank()) {
            GenerationRequest request = A1111Infotext.parse(parameters).toRequest();
            return Optional.of(CanonicalCommand.format(request, request.seed()));
        }
        return Optional.empty();
    }
}
