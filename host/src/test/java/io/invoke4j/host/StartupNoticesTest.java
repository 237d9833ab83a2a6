package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StartupNoticesTest {
    private StartupOptions options;

    private List<String> notices(String... args) {
        options = new StartupOptions();
        CommandLine.ParseResult result = new CommandLine(options).setAbbreviatedOptionsAllowed(true).parseArgs(args);
        return StartupNotices.apply(options, result.hasMatchedOption("--precision"));
    }

    private String fault(String... args) {
        return assertThrows(ConfigException.class, () -> notices(args)).getMessage();
    }

    @Test
    void plainSwitchesSayNothing() {
        assertEquals(List.of(), notices("-o", "out", "-p", "-g", "--seamless", "-d", "cpu", "--precision", "float16",
                "--host", "0.0.0.0", "--port", "8080", "--gfpgan_dir", "g", "--gfpgan_model_path", "m.onnx"));
        assertTrue(options.promptAsDir && options.grid && options.seamless);
        assertEquals("g/m.onnx", options.gfpganModelPath().replace('\\', '/'));
    }

    @Test
    void fullPrecisionIsDeprecatedForFloat32AndConflictsWithPrecision() {
        assertEquals(List.of(">> --full_precision / -F is deprecated. Please use --precision float32.",
                ">> Setting --precision to float32"), notices("-F"));
        assertEquals("float32", options.precision);
        assertEquals("Remove --full_precision / -F if using --precision", fault("-F", "--precision", "auto"));
    }

    @Test
    void precisionMustBeOneOfFour() {
        assertEquals("--precision must be auto, float32, float16 or autocast, not 'half'", fault("--precision", "half"));
        assertEquals(List.of(), notices("--precision", "autocast"));
    }

    @Test
    void theDeprecatedModelSwitchesSayWhatReplacesThem() {
        assertEquals(List.of("--laion400m flag has been deprecated. Please use --model laion400m instead."), notices("-l"));
        assertEquals("laion400m", options.model);
        assertEquals("--laion400m and --model both name a model; use --model alone", fault("-l", "--model", "x"));
        assertEquals(List.of("--weights argument has been deprecated. Please edit ./configs/models.yaml, and select the "
                + "weights using --model instead."), notices("--weights", "models/tiny-sd"));
    }

    @Test
    void webSaysItIsNotHereYetAndThePortIsChecked() {
        assertEquals("--web: the web front end is not part of this build yet; start without --web for the invoke> "
                + "prompt (--host 0.0.0.0 --port 9091 were read)", fault("--web", "--host", "0.0.0.0", "--port", "9091"));
        assertEquals("--port must be between 1 and 65535, not 70000", fault("--port", "70000"));
    }

    @Test
    void switchesWithoutMeaningForOnnxModelsSaySoInOneLine() {
        List<String> lines = notices("--embedding_path", "learned_embeds.bin", "--free_gpu_mem");
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("** --embedding_path learned_embeds.bin ignored: an ONNX text encoder"), lines.get(0));
        assertTrue(lines.get(1).startsWith("** --free_gpu_mem has no effect"), lines.get(1));
    }

    @Test
    void maxLoadedModelsBelowOneKeepsTheModelInUse() {
        assertEquals(List.of(), notices("--max_loaded_models", "3"));
        assertEquals(3, options.maxLoadedModels);
        assertEquals(List.of(">> --max_loaded_models must be at least 1; keeping 1 model loaded"),
                notices("--max_loaded_models", "0"));
        assertEquals(1, options.maxLoadedModels);
    }
}
