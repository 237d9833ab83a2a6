package io.invoke4j.api;

/**
 * Follows a generation as it runs. Every method has an empty default; front ends override what they show.
 * Methods are called on the generating thread.
 */
public interface GenerationListener {

    /** A listener that shows nothing and never cancels. */
    GenerationListener NONE = new GenerationListener() {
    };

    /** An informational line, in InvokeAI's wording ({@code >> Sampling with k_lms ...}). */
    default void message(String line) {
    }

    /** Image {@code index} (0-based) of {@code count} starts, with seed {@code seed} and {@code steps} steps. */
    default void imageStarted(int index, int count, long seed, int steps) {
    }

    /** Sampling step {@code step} (1-based) of {@code steps} of the current image is done. */
    default void stepDone(int step, int steps) {
    }

    /** The image was written. */
    default void imageSaved(GeneratedImage image) {
    }

    /**
     * Polled between steps: returning {@code true} cancels the job; images already written are kept and
     * returned.
     */
    default boolean cancelRequested() {
        return false;
    }
}
