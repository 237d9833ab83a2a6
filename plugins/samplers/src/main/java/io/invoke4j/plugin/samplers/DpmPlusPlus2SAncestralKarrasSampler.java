package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_dpmpp_2_a_karras}: {@link DpmPlusPlus2SAncestralSampler} on Karras sigmas at any step count. */
@Extension
public final class DpmPlusPlus2SAncestralKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public DpmPlusPlus2SAncestralKarrasSampler() {
        super(new DpmPlusPlus2SAncestralSampler());
    }
}
