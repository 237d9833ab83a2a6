package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_dpmpp_2_karras}: {@link DpmPlusPlus2MSampler} on Karras sigmas at any step count. */
@Extension
public final class DpmPlusPlus2MKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public DpmPlusPlus2MKarrasSampler() {
        super(new DpmPlusPlus2MSampler());
    }
}
