package io.invoke4j.host.plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The loaded extensions of one kind by name ({@code k_lms} to its sampler, {@code onnx} to its engine).
 *
 * @param <T> the extension point
 */
public final class ExtensionRegistry<T> {
    private final String kind;
    private final Map<String, T> byName;

    private ExtensionRegistry(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    /**
     * Indexes extensions by name.
     *
     * @param kind   what they are, for messages ({@code "sampler"})
     * @param found  each extension with the id of the plugin (or jar) it came from
     * @param naming an extension's name
     * @throws PluginLoadException when two extensions share a name
     */
    public static <T> ExtensionRegistry<T> of(String kind, List<Map.Entry<T, String>> found, Function<T, String> naming) {
        Map<String, T> byName = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        for (Map.Entry<T, String> e : found) {
            String name = naming.apply(e.getKey());
            if (byName.putIfAbsent(name, e.getKey()) != null) {
                throw new PluginLoadException("duplicate " + kind + " name '" + name + "': plugins '"
                        + origin.get(name) + "' and '" + e.getValue() + "' both provide it");
            }
            origin.put(name, e.getValue());
        }
        return new ExtensionRegistry<>(kind, byName);
    }

    /** The extension called {@code name}, if loaded. */
    public Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The extension called {@code name}.
     *
     * @throws PluginLoadException naming the known ones when there is none
     */
    public T get(String name) {
        T found = byName.get(name);
        if (found == null) {
            throw new PluginLoadException("unknown " + kind + " '" + name + "' (known: "
                    + (byName.isEmpty() ? "none loaded" : String.join(", ", byName.keySet())) + ")");
        }
        return found;
    }

    /** Every name, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
