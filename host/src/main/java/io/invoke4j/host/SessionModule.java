package io.invoke4j.host;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.Sampler;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.ModelHash;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.host.plugins.Plugins;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What exists once the plugins are loaded: the registries, the opened model, the pipeline and the Invoker. */
final class SessionModule extends AbstractModule {
    private final Plugins plugins;
    private final SessionWrapper sessionWrapper;

    /** @param sessionWrapper applied to every opened model session (the benchmark times them) */
    SessionModule(Plugins plugins, SessionWrapper sessionWrapper) {
        this.plugins = plugins;
        this.sessionWrapper = sessionWrapper;
    }

    @Override
    protected void configure() {
        bind(Plugins.class).toInstance(plugins);
        bind(SeedChain.class).toInstance(new SeedChain());
    }

    @Provides
    ExtensionRegistry<Sampler> samplers() {
        return plugins.samplers();
    }

    @Provides
    @Singleton
    StableDiffusionModel model(ModelEntry entry) {
        EngineOptions engineOptions = new EngineOptions("auto", entry.precision(), 0);
        return ModelOpener.open(entry, plugins.engines(), engineOptions, sessionWrapper);
    }

    @Provides
    @Singleton
    PromptEncoder promptEncoder(StableDiffusionModel model) {
        return new PromptEncoder(model.tokenizer(), model.textEncoder());
    }

    @Provides
    @Singleton
    Invoker invoker(StartupOptions options, ModelEntry entry, StableDiffusionModel model,
                    ExtensionRegistry<Sampler> samplers, SeedChain seeds, PromptEncoder prompts) {
        Path outdir = Path.of(options.outdir).toAbsolutePath().normalize();
        // colour codes only where a person reads a terminal
        boolean colour = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        // the seamless variant's networks are opened the first time --seamless is used, then kept
        Supplier<Pipelines> seamless = new Supplier<>() {
            private Pipelines opened;

            @Override
            public synchronized Pipelines get() {
                if (opened == null) {
                    opened = Pipelines.over(model.seamless());
                }
                return opened;
            }
        };
        return new HostInvoker(options, outdir, entry, ModelHash.of(entry.path()), Pipelines.over(model), seamless,
                samplers, seeds, new PromptConditioning(prompts), new TokenizationLog(model.tokenizer(), colour));
    }
}
