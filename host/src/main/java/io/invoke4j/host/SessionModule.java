package io.invoke4j.host;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.Sampler;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.model.LoadedModel;
import io.invoke4j.host.model.ModelCache;
import io.invoke4j.host.model.Pipelines;
import io.invoke4j.host.model.PrecisionChoice;
import io.invoke4j.host.config.ConfigException;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.host.generate.ModelHash;
import io.invoke4j.host.generate.PromptEncoder;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.StableDiffusionModel;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.host.plugins.Plugins;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.postprocess.PostprocessModels;
import io.invoke4j.host.postprocess.Postprocessor;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** What exists once the plugins are loaded: the registries, the opened model, the pipeline and the Invoker. */
final class SessionModule extends AbstractModule {
    private final Plugins plugins;
    private final SessionWrapper sessionWrapper;
    private final Consumer<String> console;

    /**
     * @param sessionWrapper applied to every opened model session (the benchmark times them)
     * @param console        where start-up lines go (loading the first model)
     */
    SessionModule(Plugins plugins, SessionWrapper sessionWrapper, Consumer<String> console) {
        this.plugins = plugins;
        this.sessionWrapper = sessionWrapper;
        this.console = console;
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
    ModelCache models(ModelCatalog catalog, ModelEntry initial, StartupOptions options) {
        // InvokeAI keeps two models in memory by default (--max_loaded_models): the one in use and the last one
        BiFunction<ModelEntry, Consumer<String>, LoadedModel> opener = (entry, messages) -> open(entry, options, messages);
        long start = System.nanoTime();
        LoadedModel first = opener.apply(initial, console);
        console.accept(String.format(">> Model loaded in %.2fs", (System.nanoTime() - start) / 1e9));
        return new ModelCache(catalog, first, opener, options.maxLoadedModels);
    }

    @Provides
    @Singleton
    Invoker invoker(StartupOptions options, ModelCache models, ExtensionRegistry<Sampler> samplers, SeedChain seeds,
                    Postprocessor postprocessor) {
        Path outdir = Path.of(options.outdir).toAbsolutePath().normalize();
        return new HostInvoker(options, outdir, models, samplers, seeds, postprocessor);
    }

    /** models.yaml's upscalers, face restorers and detectors, with {@code --gfpgan_model_path} applied. */
    @Provides
    @Singleton
    PostprocessCatalog postprocessCatalog(ModelCatalog catalog, StartupOptions options, Installation installation) {
        Path config = catalog.file();
        // relative model paths are relative to the folder that holds configs/, as for the Stable Diffusion models
        Path root = config.getParent() != null && config.getParent().getParent() != null
                ? config.getParent().getParent() : installation.home();
        return PostprocessCatalog.load(config, root).withGfpganModel(options.gfpganModelPath(), null);
    }

    @Provides
    @Singleton
    PostprocessModels postprocessModels(StartupOptions options) {
        // on the device the Stable Diffusion model runs on (--device)
        return new PostprocessModels(plugins.engines(), sessionWrapper, new EngineOptions(options.device, "auto", 0));
    }

    @Provides
    @Singleton
    Postprocessor postprocessor(PostprocessCatalog catalog, PostprocessModels opened) {
        return new Postprocessor(plugins.upscalers(), plugins.faceRestorers(), catalog, opened);
    }

    /** Opens a catalogue entry's networks through its engine and builds what commands need over them. */
    private LoadedModel open(ModelEntry configured, StartupOptions options, Consumer<String> messages) {
        // --engine runs every model on that engine instead of the one its entry names
        ModelEntry entry = options.engine != null ? configured.withEngine(options.engine) : configured;
        PrecisionChoice weights = PrecisionChoice.of(entry, options.precision, options.device);
        weights.notice().ifPresent(messages);
        messages.accept(">> Loading " + entry.name() + " from " + weights.folder() + " (engine " + entry.engine() + ")");
        InferenceEngine engine = plugins.engines().find(entry.engine()).orElseThrow(() -> new ConfigException(
                "model '" + entry.name() + "' names engine '" + entry.engine() + "', which no plugin provides (engines: "
                        + String.join(", ", plugins.engines().names()) + "); fix engine: in models.yaml"));
        if (entry.sampler() != null && plugins.samplers().find(entry.sampler()).isEmpty()) {
            throw new ConfigException("model '" + entry.name() + "' field 'sampler': no plugin provides '" + entry.sampler()
                    + "' (samplers: " + String.join(", ", plugins.samplers().names()) + ")");
        }
        EngineOptions engineOptions = new EngineOptions(options.device, weights.precision(), 0);
        StableDiffusionModel model = ModelOpener.open(entry, weights.folder(), engine, engineOptions, sessionWrapper);
        messages.accept(weights.usingLine());
        // colour codes only where a person reads a terminal
        boolean colour = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        // a seamless variant's networks are opened the first time --seamless is used with its axes, then kept
        Map<String, Pipelines> openedSeamless = new ConcurrentHashMap<>();
        Function<String, Pipelines> seamless = axes -> openedSeamless.computeIfAbsent(axes,
                a -> Pipelines.over(model.seamless(a.contains("x"), a.contains("y"))));
        return new LoadedModel(entry, ModelHash.of(weights.folder()), Pipelines.over(model), seamless,
                new PromptConditioning(new PromptEncoder(model.tokenizer(), model.textEncoder())),
                new TokenizationLog(model.tokenizer(), colour), model);
    }
}
