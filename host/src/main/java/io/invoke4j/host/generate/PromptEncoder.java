package io.invoke4j.host.generate;

import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns prompt text into the text encoder's hidden states ({@code [1, 77, D]}), once per text: the result is
 * kept for the texts of recent commands, so {@code -n 10} or a repeated prompt encodes nothing again.
 */
public final class PromptEncoder implements TextEmbedder {
    private static final int CACHED_TEXTS = 16;

    private final ClipTokenizer tokenizer;
    private final InferenceSession textEncoder;
    private final String idsInput;
    private final Map<String, Tensor> cache = new LinkedHashMap<>(CACHED_TEXTS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tensor> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    public PromptEncoder(ClipTokenizer tokenizer, InferenceSession textEncoder) {
        this.tokenizer = tokenizer;
        this.textEncoder = textEncoder;
        this.idsInput = textEncoder.inputs().get(0).name();
    }

    /** The {@code last_hidden_state} of {@code text}, shape {@code [1, 77, D]}. */
    @Override
    public synchronized Tensor encode(String text) {
        return cache.computeIfAbsent(text, this::run);
    }

    private Tensor run(String text) {
        int[] ids = tokenizer.encodeForModel(text);
        long[] data = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            data[i] = ids[i];
        }
        Map<String, Tensor> out = textEncoder.run(Map.of(idsInput, Tensor.ofLongs(data, 1, ids.length)));
        Tensor hidden = out.get("last_hidden_state");
        return hidden != null ? hidden : out.get(textEncoder.outputs().get(0).name());
    }
}
