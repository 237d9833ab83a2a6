package io.invoke4j.host.plugins;

import com.google.inject.Injector;
import org.pf4j.ExtensionFactory;

/**
 * Creates PF4J extensions through the host's Guice injector, so an extension can {@code @Inject} host
 * services in its constructor. Each extension class is instantiated once: PF4J asks again for every lookup,
 * and a sampler or engine must not be rebuilt per command.
 */
final class GuiceExtensionFactory implements ExtensionFactory {
    private final Injector injector;
    private final java.util.Map<Class<?>, Object> created = new java.util.concurrent.ConcurrentHashMap<>();

    GuiceExtensionFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T create(Class<T> extensionClass) {
        return (T) created.computeIfAbsent(extensionClass, injector::getInstance);
    }
}
