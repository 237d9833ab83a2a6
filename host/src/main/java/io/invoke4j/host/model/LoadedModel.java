package io.invoke4j.host.model;

import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.prompt.PromptConditioning;
import java.util.function.Function;

/**
 * A catalogue entry opened for generation: what a command needs of the model in use.
 *
 * @param entry             the catalogue entry
 * @param hash              the model's hash, recorded in each image's metadata
 * @param pipelines         txt2img, img2img and the init-image encoder over the model's networks
 * @param seamless          the same over the circular-padding variant of the given {@code --seamless_axes}
 *                          ({@code "x"}, {@code "y"} or {@code "x,y"}), opened on first use
 * @param prompts           prompt text to conditioning, through this model's text encoder
 * @param tokenizationLog   {@code -t}'s report, with this model's tokenizer
 * @param closer            releases the model's sessions
 */
public record LoadedModel(ModelEntry entry, String hash, Pipelines pipelines, Function<String, Pipelines> seamless,
                          PromptConditioning prompts, TokenizationLog tokenizationLog, AutoCloseable closer)
        implements AutoCloseable {

    /** The same opened networks under a changed entry (its description or size edited). */
    public LoadedModel withEntry(ModelEntry changed) {
        return new LoadedModel(changed, hash, pipelines, seamless, prompts, tokenizationLog, closer);
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // a session that fails to close holds nothing we could free any other way
        }
    }
}
