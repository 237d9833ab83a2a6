package io.invoke4j.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.invoke4j.api.FrontEnd;
import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Invoker;
import io.invoke4j.host.bench.Bench;
import io.invoke4j.host.bench.PostprocessBench;
import io.invoke4j.host.postprocess.PostprocessModels;
import io.invoke4j.host.postprocess.Postprocessor;
import io.invoke4j.host.bench.SessionTimings;
import io.invoke4j.host.config.ConfigException;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.model.ModelCache;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.plugins.PluginLoadException;
import io.invoke4j.host.plugins.Plugins;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code bin/invoke}: reads the start-up switches, wires the host with Guice, loads the plugins and the model,
 * then hands over to the front end (the {@code invoke>} REPL).
 */
public final class Main {
    /** A bad start-up switch. */
    static final int EXIT_USAGE = 2;
    /** The configuration, a plugin or the model could not be loaded. */
    static final int EXIT_STARTUP = 1;

    private Main() {
    }

    /**
     * The start-up switches as argparse reads them: abbreviations allowed, and a switch given twice takes its last
     * value, so that the command line overrides the init file.
     */
    private static CommandLine startupLine(StartupOptions options) {
        return new CommandLine(options).setAbbreviatedOptionsAllowed(true).setOverwrittenOptionsAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs invoke4j and returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InitFile.inHome(System.getenv(), System.getProperty("user.home")), out, err);
    }

    /** Runs invoke4j with the switches of {@code initFile} before {@code args}, and returns the exit status. */
    static int run(String[] args, InitFile initFile, PrintStream out, PrintStream err) {
        List<String> fromFile;
        try {
            fromFile = initFile.switches();
            // checked alone first, so that a fault in the file is not blamed on the command line
            startupLine(new StartupOptions()).parseArgs(fromFile.toArray(String[]::new));
        } catch (ConfigException e) {
            err.println("** " + e.getMessage() + ". Aborting.");
            return EXIT_STARTUP;
        } catch (CommandLine.ParameterException e) {
            err.println("invoke: error: " + initFile.path() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        List<String> all = new ArrayList<>(fromFile);
        all.addAll(List.of(args));
        StartupOptions options = new StartupOptions();
        CommandLine cli = startupLine(options);
        boolean precisionGiven;
        try {
            precisionGiven = cli.parseArgs(all.toArray(String[]::new)).hasMatchedOption("--precision");
            options.check(cli);
        } catch (CommandLine.ParameterException e) {
            err.println("invoke: error: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        }
        if (options.help) {
            cli.usage(out);
            return 0;
        }
        if (options.version) {
            cli.printVersionHelp(out);
            return 0;
        }
        out.println(initFile.notice());
        if (options.fromFile != null && !"-".equals(options.fromFile) && !Files.isRegularFile(Path.of(options.fromFile))) {
            err.println(options.fromFile + " not found. Aborting.");
            return EXIT_STARTUP;
        }
        try {
            StartupNotices.apply(options, precisionGiven).forEach(out::println);
        } catch (ConfigException e) {
            err.println("** " + e.getMessage() + ". Aborting.");
            return EXIT_STARTUP;
        }
        SessionTimings timings = new SessionTimings();
        SessionWrapper wrap = options.bench ? timings : SessionWrapper.NONE;
        try {
            Installation installation = Installation.locate();
            out.println("* Initializing, be patient...");
            Injector host = Guice.createInjector(new HostModule(options, installation));
            ModelEntry model = host.getInstance(ModelEntry.class); // a catalogue fault stops start-up before any plugin loads
            try (Plugins plugins = Plugins.load(installation.pluginsDir(), installation.development(), host)) {
                if (options.sampler != null) {
                    plugins.samplers().get(options.sampler);
                }
                Injector session = host.createChildInjector(new SessionModule(plugins, wrap, out::println));
                Invoker invoker = session.getInstance(Invoker.class);
                if (options.bench) {
                    Bench.run(invoker, timings, options.engine != null ? options.engine : model.engine(), out);
                    PostprocessBench.run(session.getInstance(Postprocessor.class),
                            session.getInstance(ModelCache.class).active().entry(), timings, out);
                    return 0;
                }
                FrontEnd frontEnd = plugins.frontEnds().get("repl");
                try (ModelCache models = session.getInstance(ModelCache.class);
                     PostprocessModels postprocessing = session.getInstance(PostprocessModels.class)) {
                    return frontEnd.run(invoker);
                }
            }
        } catch (ConfigException | PluginLoadException | InferenceException e) {
            err.println("** " + e.getMessage() + ". Aborting.");
            return EXIT_STARTUP;
        } catch (com.google.inject.ProvisionException | com.google.inject.CreationException e) {
            Throwable cause = reportedCause(e);
            err.println("** " + cause.getMessage() + ". Aborting.");
            return EXIT_STARTUP;
        }
    }

    /**
     * What to tell the user about a failure inside Guice: the outermost of invoke4j's one-line exceptions (which
     * already says what its causes mean), else the root cause.
     */
    private static Throwable reportedCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof ConfigException || t instanceof PluginLoadException || t instanceof InferenceException) {
                return t;
            }
        }
        return t;
    }
}
