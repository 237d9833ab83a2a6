package io.invoke4j.api;

/**
 * One entry of {@code -V seed:weight,...}: the noise of {@code seed} blended (slerp) into the image's noise with
 * {@code weight} in [0, 1].
 */
public record Variation(long seed, double weight) {
}
