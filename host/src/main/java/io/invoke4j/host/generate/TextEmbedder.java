package io.invoke4j.host.generate;

import io.invoke4j.api.Tensor;

/**
 * Prompt text to the text encoder's hidden states. {@link PromptEncoder} is the real one; the interface lets code
 * that combines encodings (negative prompts, weighted sub-prompts) be tested with a fake instead of a model.
 */
@FunctionalInterface
public interface TextEmbedder {

    /**
     * The hidden states of {@code text}, shape {@code [1, 77, D]}. The result may be shared (cached), so callers
     * must not write to it.
     */
    Tensor encode(String text);
}
