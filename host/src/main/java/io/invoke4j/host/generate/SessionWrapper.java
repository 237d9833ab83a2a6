package io.invoke4j.host.generate;

import io.invoke4j.api.InferenceSession;

/** Decorates each model session as it is opened (the benchmark counts and times the calls of each part). */
@FunctionalInterface
public interface SessionWrapper {
    /** Leaves sessions as the engine opened them. */
    SessionWrapper NONE = (part, session) -> session;

    /**
     * @param part    the model part's folder name: {@code text_encoder}, {@code unet}, {@code vae_decoder},
     *                {@code vae_encoder}
     * @param session the session the engine opened
     * @return the session the pipeline will use
     */
    InferenceSession wrap(String part, InferenceSession session);
}
