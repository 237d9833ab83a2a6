package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_dpmpp_sde_karras}: {@link DpmPlusPlusSdeSampler} on Karras sigmas at any step count. */
@Extension
public final class DpmPlusPlusSdeKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public DpmPlusPlusSdeKarrasSampler() {
        super(new DpmPlusPlusSdeSampler());
    }
}
