package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_euler_a_karras}: {@link EulerAncestralSampler} on Karras sigmas at any step count. */
@Extension
public final class EulerAncestralKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public EulerAncestralKarrasSampler() {
        super(new EulerAncestralSampler());
    }
}
