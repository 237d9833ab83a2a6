package io.invoke4j.host;

import io.invoke4j.host.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the start-up switches mean for this build, said once before anything loads: InvokeAI's deprecation
 * lines, switches that conflict, and switches that have no meaning for ONNX models (one line each, never
 * silently ignored). Also folds the deprecated switches into the ones that replace them.
 */
final class StartupNotices {
    private static final Set<String> PRECISIONS = Set.of("auto", "float32", "float16", "autocast");

    private StartupNotices() {
    }

    /**
     * @param precisionGiven whether {@code --precision} was on the command line
     * @return the lines to print
     * @throws ConfigException for a combination or value that cannot start
     */
    static List<String> apply(StartupOptions options, boolean precisionGiven) {
        List<String> lines = new ArrayList<>();
        if (!PRECISIONS.contains(options.precision)) {
            throw new ConfigException("--precision must be auto, float32, float16 or autocast, not '" + options.precision + "'");
        }
        if (options.fullPrecision) {
            if (precisionGiven) {
                throw new ConfigException("Remove --full_precision / -F if using --precision");
            }
            lines.add(">> --full_precision / -F is deprecated. Please use --precision float32.");
            lines.add(">> Setting --precision to float32");
            options.precision = "float32";
        }
        if (options.laion400m) {
            if (options.model != null) {
                throw new ConfigException("--laion400m and --model both name a model; use --model alone");
            }
            lines.add("--laion400m flag has been deprecated. Please use --model laion400m instead.");
            options.model = "laion400m";
        }
        if (options.weights != null) {
            lines.add("--weights argument has been deprecated. Please edit ./configs/models.yaml, and select the "
                    + "weights using --model instead.");
        }
        if (options.port < 1 || options.port > 65535) {
            throw new ConfigException("--port must be between 1 and 65535, not " + options.port);
        }
        if (options.web) {
            throw new ConfigException("--web: the web front end is not part of this build yet; start without --web "
                    + "for the invoke> prompt (--host " + options.host + " --port " + options.port + " were read)");
        }
        if (options.maxLoadedModels < 1) {
            // InvokeAI's rule: at least the model in use stays loaded
            lines.add(">> --max_loaded_models must be at least 1; keeping 1 model loaded");
            options.maxLoadedModels = 1;
        }
        if (options.embeddingPath != null) {
            lines.add("** --embedding_path " + options.embeddingPath + " ignored: an ONNX text encoder has its token "
                    + "embeddings built in, so textual-inversion embeddings cannot be added to it");
        }
        if (options.freeGpuMem) {
            lines.add("** --free_gpu_mem has no effect: ONNX models keep every part on their device (--device "
                    + options.device + "); nothing is moved after sampling");
        }
        return lines;
    }
}
