package io.invoke4j.host.generate;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which sampler inpainting runs. InvokeAI 2.0's {@code Inpaint} generator only knows how to blend the mask into
 * DDIM-style decoding, so it swaps any k-sampler for DDIM; {@code ddim} and {@code plms} stay.
 */
public final class InpaintingSampler {
    /** The sampler inpainting falls back to. */
    public static final String DDIM = "ddim";
    /** What InvokeAI prints when it swaps the sampler. */
    public static final String SWAP_MESSAGE = ">> Using recommended DDIM sampler for inpainting.";

    private InpaintingSampler() {
    }

    /**
     * The sampler to inpaint with: {@code requested} if it walks timesteps, else DDIM, announced on
     * {@code messages}.
     *
     * @param samplers finds a loaded sampler by name (the host's sampler registry)
     * @throws CommandException when a swap is needed and no {@code ddim} sampler is loaded
     */
    public static Sampler choose(Sampler requested, Function<String, Optional<Sampler>> samplers,
                                 Consumer<String> messages) {
        if (requested.scheduleKind() == ScheduleKind.TIMESTEPS) {
            return requested;
        }
        Sampler ddim = samplers.apply(DDIM).orElseThrow(() -> new CommandException(
                "inpainting needs the ddim sampler, and no loaded plugin provides it"));
        messages.accept(SWAP_MESSAGE);
        return ddim;
    }
}
