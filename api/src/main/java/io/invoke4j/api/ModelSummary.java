package io.invoke4j.api;

import java.util.Objects;

/**
 * One entry of the model catalogue ({@code configs/models.yaml}) as {@code !models} lists it.
 *
 * @param name        the entry's name, as {@code --model} and {@code !switch} take it
 * @param description the entry's description, or {@code <no description>}
 * @param status      {@code active} (the model in use), {@code cached} (opened before, kept) or
 *                    {@code not loaded}
 */
public record ModelSummary(String name, String description, String status) {

    /** Status of the model in use. */
    public static final String ACTIVE = "active";
    /** Status of a model opened earlier and kept open. */
    public static final String CACHED = "cached";
    /** Status of a model never opened in this session. */
    public static final String NOT_LOADED = "not loaded";

    public ModelSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
    }

    /** Whether this is the model in use. */
    public boolean active() {
        return ACTIVE.equals(status);
    }
}
