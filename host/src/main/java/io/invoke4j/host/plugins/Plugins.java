package io.invoke4j.host.plugins;

import com.google.inject.Injector;
import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.FrontEnd;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.Upscaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultExtensionFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * Loads the plugins folder with PF4J and indexes what they provide.
 *
 * <p>A plugin is a folder or zip in the plugins folder (in development mode, a module folder with
 * {@code plugin.properties} and {@code target/classes}). Extensions are found from PF4J's index and from
 * {@code META-INF/services}, so a plain {@link java.util.ServiceLoader} provider jar works too. Every extension
 * is created through the Guice injector.
 */
public final class Plugins implements AutoCloseable {
    private final PluginManager manager;
    private final ExtensionRegistry<Sampler> samplers;
    private final ExtensionRegistry<InferenceEngine> engines;
    private final ExtensionRegistry<FrontEnd> frontEnds;
    private final ExtensionRegistry<Upscaler> upscalers;
    private final ExtensionRegistry<FaceRestorer> faceRestorers;

    private Plugins(PluginManager manager) {
        this.manager = manager;
        this.samplers = registry("sampler", Sampler.class, Sampler::name);
        this.engines = registry("inference engine", InferenceEngine.class, InferenceEngine::name);
        this.frontEnds = registry("front end", FrontEnd.class, FrontEnd::name);
        this.upscalers = registry("upscaler", Upscaler.class, Upscaler::name);
        this.faceRestorers = registry("face restorer", FaceRestorer.class, FaceRestorer::name);
    }

    /**
     * Loads and starts every plugin in {@code pluginsDir}.
     *
     * @param development read plugins as module folders ({@code target/classes}) instead of packaged plugins
     * @throws PluginLoadException when the folder is missing, a plugin fails to start, or names clash
     */
    public static Plugins load(Path pluginsDir, boolean development, Injector injector) {
        if (!Files.isDirectory(pluginsDir)) {
            throw new PluginLoadException("plugins folder not found: " + pluginsDir);
        }
        ExtensionFactory factory = new GuiceExtensionFactory(injector);
        PluginManager manager = new DefaultPluginManager(List.of(pluginsDir)) {
            @Override
            public RuntimeMode getRuntimeMode() {
                return development ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT;
            }

            @Override
            protected ExtensionFactory createExtensionFactory() {
                return factory;
            }

            @Override
            protected ExtensionFinder createExtensionFinder() {
                DefaultExtensionFinder finder = (DefaultExtensionFinder) super.createExtensionFinder();
                finder.addServiceProviderExtensionFinder();
                return finder;
            }
        };
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                String why = plugin.getFailedException() != null ? ": " + plugin.getFailedException().getMessage() : "";
                throw new PluginLoadException("plugin '" + plugin.getPluginId() + "' did not start (" +
                        plugin.getPluginState() + why + ")");
            }
        }
        return new Plugins(manager);
    }

    private <T> ExtensionRegistry<T> registry(String kind, Class<T> type, java.util.function.Function<T, String> naming) {
        List<Map.Entry<T, String>> found = new ArrayList<>();
        for (T extension : manager.getExtensions(type)) {
            PluginWrapper plugin = manager.whichPlugin(extension.getClass());
            found.add(Map.entry(extension, plugin != null ? plugin.getPluginId() : "application class path"));
        }
        return ExtensionRegistry.of(kind, found, naming);
    }

    /** The samplers by name. */
    public ExtensionRegistry<Sampler> samplers() {
        return samplers;
    }

    /** The inference engines by name. */
    public ExtensionRegistry<InferenceEngine> engines() {
        return engines;
    }

    /** The front ends by name. */
    public ExtensionRegistry<FrontEnd> frontEnds() {
        return frontEnds;
    }

    /** The upscalers by name ({@code -U}, {@code --embiggen}). */
    public ExtensionRegistry<Upscaler> upscalers() {
        return upscalers;
    }

    /** The face restorers by name ({@code -G}, {@code -ft}). */
    public ExtensionRegistry<FaceRestorer> faceRestorers() {
        return faceRestorers;
    }

    /** Stops and unloads the plugins. */
    @Override
    public void close() {
        // PF4J 3.15's stopPlugins() iterates the started list while stopping removes from it; stop a copy,
        // last started first
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            manager.stopPlugin(plugin.getPluginId());
        }
        manager.unloadPlugins();
    }
}
