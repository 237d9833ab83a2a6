package io.invoke4j.host;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.Sampler;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.Img2ImgPipeline;
import io.invoke4j.host.generate.LatentEncoder;
import io.invoke4j.host.generate.ModelHash;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.host.plugins.Plugins;
import java.nio.file.Path;

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
        return StableDiffusionModel.open(entry.path(), plugins.engines().get(entry.engine()), engineOptions, sessionWrapper);
    }

    @Provides
    @Singleton
    Txt2ImgPipeline pipeline(StableDiffusionModel model) {
        return new Txt2ImgPipeline(model);
    }

    @Provides
    @Singleton
    PromptEncoder promptEncoder(StableDiffusionModel model) {
        return new PromptEncoder(model.tokenizer(), model.textEncoder());
    }

    @Provides
    @Singleton
    Invoker invoker(StartupOptions options, ModelEntry entry, StableDiffusionModel model, Txt2ImgPipeline pipeline,
                    ExtensionRegistry<Sampler> samplers, SeedChain seeds, PromptEncoder prompts) {
        Path outdir = Path.of(options.outdir).toAbsolutePath().normalize();
        // colour codes only where a person reads a terminal
        boolean colour = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new HostInvoker(options, outdir, entry, ModelHash.of(entry.path()), pipeline, samplers, seeds,
                new PromptConditioning(prompts), new TokenizationLog(model.tokenizer(), colour),
                new Img2ImgPipeline(model), image -> new LatentEncoder(model.vaeEncoder()).encode(image));
    }
}
