package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_euler_karras}: {@link EulerSampler} on Karras sigmas at any step count. */
@Extension
public final class EulerKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public EulerKarrasSampler() {
        super(new EulerSampler());
    }
}
