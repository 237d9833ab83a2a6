package io.invoke4j.host;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import java.nio.file.Path;

/**
 * What exists before any plugin loads: the start-up switches, the installation layout and the model
 * catalogue. Extensions are created by this injector, so they can inject any of it.
 */
final class HostModule extends AbstractModule {
    private final StartupOptions options;
    private final Installation installation;

    HostModule(StartupOptions options, Installation installation) {
        this.options = options;
        this.installation = installation;
    }

    @Override
    protected void configure() {
        bind(StartupOptions.class).toInstance(options);
        bind(Installation.class).toInstance(installation);
    }

    @Provides
    @Singleton
    ModelCatalog catalog() {
        Path config = options.config != null ? Path.of(options.config).toAbsolutePath() : installation.defaultConfig();
        // relative model paths are relative to the folder that holds configs/
        Path root = config.getParent() != null && config.getParent().getParent() != null
                ? config.getParent().getParent() : installation.home();
        ModelCatalog catalog = ModelCatalog.load(config, root);
        // the deprecated --weights still works: the folder it names runs as a model of its own
        return options.weights == null ? catalog : catalog.plus(ModelEntry.forFolder(Path.of(options.weights).toAbsolutePath().normalize()));
    }

    @Provides
    @Singleton
    ModelEntry model(ModelCatalog catalog) {
        if (options.weights != null) {
            return catalog.entries().get(0);
        }
        return catalog.select(options.model);
    }
}
