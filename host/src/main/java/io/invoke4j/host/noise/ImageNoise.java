package io.invoke4j.host.noise;

import io.invoke4j.api.Variation;
import java.util.List;
import java.util.Objects;

/**
 * The initial noise of one image of a command, and how the image is named and recorded
 * (generation-semantics.md sections 2.2 and 2.3).
 *
 * @param index       the image's position in the command, from 0
 * @param seed        the image's own seed: the one in its file name ({@code {prefix}.{seed}.png}) and the one the
 *                    next image's seed is drawn from. For {@code -v} images, the fresh variation seed; with
 *                    {@code -V} and no {@code -v}, the last seed of the {@code -V} list.
 * @param commandSeed the {@code -S} of the image's recorded command and its metadata {@code seed}: the
 *                    command's {@code -S} (or implicit) seed when there are variations, else {@link #seed}
 * @param variations  the {@code -V} list of the recorded command and the metadata {@code variations}: the
 *                    command's {@code -V} entries, then {@code [seed : -v amount]} for a {@code -v} image; empty
 *                    when there are no variations
 * @param noise       x_T, the latent-sized float32 noise, owned by the caller (not shared with other images)
 * @param generator   torch's global CPU generator as InvokeAI leaves it after drawing this noise: the generator of
 *                    the last seed seeded, after one latent-sized draw. Samplers that draw noise of their own
 *                    (ancestral ones) must continue from it to match InvokeAI.
 */
public record ImageNoise(int index, long seed, long commandSeed, List<Variation> variations, float[] noise,
                         TorchGenerator generator) {

    public ImageNoise {
        variations = List.copyOf(variations);
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(generator, "generator");
    }
}
