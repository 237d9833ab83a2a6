package io.invoke4j.host.prompt;

import io.invoke4j.api.Tensor;
import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.util.List;

/**
 * What classifier-free guidance needs from a prompt (see {@link PromptConditioning}).
 *
 * @param cond    the conditional hidden states, {@code [1, 77, D]}
 * @param uncond  the unconditional hidden states (of the negative text, empty without {@code [...]}),
 *                {@code [1, 77, D]}
 * @param encoded the texts that went into {@code cond}, each with the weight {@code -t} shows: the sub-prompts
 *                with their (normalised) weights, or the whole positive text with weight 1; feed them to
 *                {@link TokenizationLog#format(List)}
 */
public record Conditioning(Tensor cond, Tensor uncond, List<Subprompt> encoded) {

    /** Keeps its own unmodifiable copy of {@code encoded}. */
    public Conditioning {
        encoded = List.copyOf(encoded);
    }
}
