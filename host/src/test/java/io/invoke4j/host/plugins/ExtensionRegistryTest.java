package io.invoke4j.host.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {

    @Test
    void findsExtensionsByNameAndListsNamesSorted() {
        ExtensionRegistry<String> registry = ExtensionRegistry.of("sampler",
                List.of(Map.entry("k_lms", "samplers"), Map.entry("ddim", "samplers")), Function.identity());
        assertEquals("ddim", registry.get("ddim"));
        assertEquals(List.of("ddim", "k_lms"), registry.names());
        assertEquals(java.util.Optional.empty(), registry.find("plms"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        ExtensionRegistry<String> registry = ExtensionRegistry.of("sampler",
                List.of(Map.entry("k_lms", "samplers"), Map.entry("ddim", "samplers")), Function.identity());
        assertEquals("unknown sampler 'plms' (known: ddim, k_lms)",
                assertThrows(PluginLoadException.class, () -> registry.get("plms")).getMessage());
        ExtensionRegistry<String> none = ExtensionRegistry.of("front end", List.of(), Function.identity());
        assertEquals("unknown front end 'web' (known: none loaded)",
                assertThrows(PluginLoadException.class, () -> none.get("web")).getMessage());
    }

    @Test
    void twoPluginsProvidingOneNameAreRefusedNamingBoth() {
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> ExtensionRegistry.of("sampler",
                List.of(Map.entry("k_lms", "samplers"), Map.entry("k_lms", "my-samplers")), Function.identity()));
        assertEquals("duplicate sampler name 'k_lms': plugins 'samplers' and 'my-samplers' both provide it", e.getMessage());
    }
}
