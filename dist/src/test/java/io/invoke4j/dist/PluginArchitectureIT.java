package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.host.plugins.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the distribution's plugins load: packaged, in development mode, and who owns ONNX Runtime. */
class PluginArchitectureIT {

    private static void assertLoadsEverything(Plugins plugins) {
        assertTrue(plugins.samplers().names().containsAll(List.of("ddim", "plms", "k_lms", "k_euler", "k_euler_a",
                "k_heun", "k_dpm_2", "k_dpm_2_a", "k_dpmpp_2", "k_dpmpp_2_a", "k_lms_karras")), plugins.samplers().names()::toString);
        assertEquals(List.of("onnx"), plugins.engines().names());
        assertEquals(List.of("repl"), plugins.frontEnds().names());
    }

    @Test
    void packagedPluginsLoadFromTheDistribution() {
        try (Plugins plugins = Plugins.load(Launcher.dist().resolve("plugins"), false, Guice.createInjector())) {
            assertLoadsEverything(plugins);
        }
    }

    @Test
    void developmentModeReadsTheModuleFolders() {
        Path modules = Path.of(System.getProperty("invoke4j.root")).resolve("plugins");
        try (Plugins plugins = Plugins.load(modules, true, Guice.createInjector())) {
            assertLoadsEverything(plugins);
        }
    }

    @Test
    void onnxRuntimeIsLoadedByTheApplicationClassLoaderOnly() throws Exception {
        try (Plugins plugins = Plugins.load(Launcher.dist().resolve("plugins"), false, Guice.createInjector())) {
            InferenceEngine onnx = plugins.engines().get("onnx");
            ClassLoader pluginLoader = onnx.getClass().getClassLoader();
            assertTrue(pluginLoader != ClassLoader.getSystemClassLoader(), "the engine comes from its plugin");
            Class<?> ort = pluginLoader.loadClass("ai.onnxruntime.OrtEnvironment");
            assertEquals(ClassLoader.getSystemClassLoader(), ort.getClassLoader());
        }
        try (Stream<Path> files = Files.walk(Launcher.dist().resolve("plugins"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("onnxruntime")),
                    "no plugin carries its own ONNX Runtime");
        }
        try (Stream<Path> lib = Files.list(Launcher.dist().resolve("lib"))) {
            assertEquals(1, lib.filter(f -> f.getFileName().toString().startsWith("onnxruntime")).count());
        }
    }

    @Test
    void theDistributionHasTheLaunchersAndTheBundledModel() throws IOException {
        Path dist = Launcher.dist();
        for (String launcher : List.of("invoke", "images2prompt", "bench")) {
            assertTrue(Files.isExecutable(dist.resolve("bin").resolve(launcher)), launcher);
        }
        assertTrue(Files.isRegularFile(dist.resolve("configs/models.yaml")));
        assertTrue(Files.isRegularFile(dist.resolve("models/tiny-sd/unet/model.onnx")));
        assertTrue(Files.isRegularFile(dist.resolve("plugins/repl/plugin.properties")));
    }
}
