package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_dpm_2_karras}: {@link Dpm2Sampler} on Karras sigmas at any step count. */
@Extension
public final class Dpm2KarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public Dpm2KarrasSampler() {
        super(new Dpm2Sampler());
    }
}
