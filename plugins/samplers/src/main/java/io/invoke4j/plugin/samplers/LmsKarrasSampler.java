package io.invoke4j.plugin.samplers;

import org.pf4j.Extension;

/** {@code k_lms_karras}: {@link LmsSampler} on Karras sigmas at any step count. */
@Extension
public final class LmsKarrasSampler extends KarrasVariant {

    /** The PF4J extension constructor. */
    public LmsKarrasSampler() {
        super(new LmsSampler());
    }
}
