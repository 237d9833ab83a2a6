package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_dpm_2_a_karras}: {@link Dpm2AncestralSampler} on Karras sigmas at any step count. */
@Extension
public final class Dpm2AncestralKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public Dpm2AncestralKarrasSampler() {
        super(new Dpm2AncestralSampler());
    }
}
