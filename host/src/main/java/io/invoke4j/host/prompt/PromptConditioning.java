package io.invoke4j.host.prompt;

import io.invoke4j.api.Tensor;
import io.invoke4j.host.generate.TextEmbedder;
import io.invoke4j.host.prompt.WeightedSubprompts.Subprompt;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A prompt as typed turned into the conditional and unconditional hidden states, as InvokeAI v2.0.x's
 * {@code get_uc_and_c} does (command-language.md §5.1–5.2):
 * <ol>
 * <li>the {@code [...]} groups, joined with single spaces, are the negative text, encoded as the unconditional
 *     (the empty text when there is no group); the rest, each group replaced by one space, is the positive text;
 * <li>the positive text is split into weighted sub-prompts ({@code text:weight}), weights normalised to sum 1
 *     unless {@code -x};
 * <li>with two or more sub-prompts the conditional is Σ wᵢ·encode(subpromptᵢ) in float32, from zeros;
 *     with one (or none), the whole positive text is encoded unchanged, so {@code a cat:1.5} keeps its
 *     literal {@code :1.5}.
 * </ol>
 *
 * <p>Not supported, on purpose: AUTOMATIC1111's emphasis {@code (word:1.2)} / {@code [word]}. Its syntax
 * collides with InvokeAI's ({@code :1.2} already ends a weighted sub-prompt, {@code [...]} is already the
 * negative prompt), so such prompts mean what they meant in InvokeAI 2.0. Nor is v2.1+'s prompt language
 * ({@code word+}, {@code .blend()}, {@code .swap()}).
 *
 * <p>Use:
 * <pre>{@code
 * Conditioning c = new PromptConditioning(promptEncoder).condition(prompt, skipNormalize, out::println);
 * if (logTokenization) {
 *     out.print(new TokenizationLog(tokenizer, colourTerminal).format(c.encoded()));
 * }
 * new GuidedDenoiser(unet, schedule, c.uncond(), c.cond(), cfgScale, latentShape);
 * }</pre>
 * which prints what InvokeAI prints, in its order (the warning comes from the split, before any encoding).
 */
public final class PromptConditioning {
    private final TextEmbedder encoder;

    /** @param encoder encodes one text; usually the model's {@link io.invoke4j.host.generate.PromptEncoder} */
    public PromptConditioning(TextEmbedder encoder) {
        this.encoder = Objects.requireNonNull(encoder);
    }

    /**
     * The conditioning of {@code prompt}.
     *
     * @param prompt        the prompt as typed, brackets and weights included
     * @param skipNormalize {@code -x}: use the sub-prompt weights as typed
     * @param messages      receives what InvokeAI prints on the way, one line per call (the zero-sum warning)
     */
    public Conditioning condition(String prompt, boolean skipNormalize, Consumer<String> messages) {
        NegativePrompt split = NegativePrompt.of(prompt);
        Tensor uncond = encoder.encode(split.negative());
        List<Subprompt> parts = WeightedSubprompts.split(split.positive(), skipNormalize, messages);
        if (parts.size() < 2) {
            Subprompt whole = new Subprompt(split.positive(), 1.0);
            return new Conditioning(encoder.encode(whole.text()), uncond, List.of(whole));
        }
        return new Conditioning(weightedSum(parts), uncond, parts);
    }

    private Tensor weightedSum(List<Subprompt> parts) {
        float[] sum = null;
        long[] shape = null;
        for (Subprompt part : parts) {
            Tensor hidden = encoder.encode(part.text());
            if (sum == null) {
                shape = hidden.shape();
                sum = new float[hidden.size()];
            } else if (!Arrays.equals(shape, hidden.shape())) {
                throw new IllegalStateException("sub-prompt encodings differ in shape: " + hidden + " after "
                        + Arrays.toString(shape));
            }
            addScaled(sum, hidden.floats(), (float) part.weight());
        }
        return Tensor.ofFloats(sum, shape);
    }

    /*
     * torch.add(c, e, alpha=w) as its kernels compute it: alpha is cast to the tensor's float32, and both the
     * CPU's vectorised loop (fmadd) and CUDA (fma contraction) round e·w + c once, which Math.fma reproduces.
     */
    private static void addScaled(float[] sum, float[] values, float weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.fma(values[i], weight, sum[i]);
        }
    }
}
