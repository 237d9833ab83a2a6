package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_heun_karras}: {@link HeunSampler} on Karras sigmas at any step count. */
@Extension
public final class HeunKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public HeunKarrasSampler() {
        super(new HeunSampler());
    }
}
