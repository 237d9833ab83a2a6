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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the distribution's plugins load: packaged, in development mode, and who owns ONNX Runtime. */
class PluginArchitectureIT {

    private static void assertLoadsEverything(Plugins plugins) {
        assertTrue(plugins.samplers().names().containsAll(List.of("ddim", "plms", "k_lms", "k_euler", "k_euler_a",
                "k_heun", "k_dpm_2", "k_dpm_2_a", "k_dpmpp_2", "k_dpmpp_2_a", "k_lms_karras")), plugins.samplers().names()::toString);
        assertEquals(List.of("djl", "onnx"), plugins.engines().names());
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
            for (String engine : List.of("onnx", "djl")) {
                ClassLoader pluginLoader = plugins.engines().get(engine).getClass().getClassLoader();
                assertTrue(pluginLoader != ClassLoader.getSystemClassLoader(), engine + " comes from its plugin");
                Class<?> ort = pluginLoader.loadClass("ai.onnxruntime.OrtEnvironment");
                assertEquals(ClassLoader.getSystemClassLoader(), ort.getClassLoader(), engine);
            }
        }
        // ONNX Runtime's own jar (onnxruntime-1.29.0.jar, or onnxruntime_gpu-...), not DJL's onnxruntime-engine
        java.util.function.Predicate<Path> onnxRuntimeJar =
                f -> f.getFileName().toString().matches("onnxruntime(_gpu)?-\\d.*\\.jar");
        try (Stream<Path> files = Files.walk(Launcher.dist().resolve("plugins"))) {
            assertFalse(files.anyMatch(onnxRuntimeJar), "no plugin carries its own ONNX Runtime");
        }
        try (Stream<Path> lib = Files.list(Launcher.dist().resolve("lib"))) {
            assertEquals(1, lib.filter(onnxRuntimeJar).count());
        }
    }

    @Test
    void noLibraryIsInTwoClassLoaders() throws IOException {
        // lib/ is the application class loader's, each plugins/<id>/lib a plugin loader's; PF4J loads a plugin's
        // own jars first, so a library in two of them would be loaded twice (and its statics and natives with it)
        Map<String, String> owner = new TreeMap<>();
        List<Path> folders = new ArrayList<>(List.of(Launcher.dist().resolve("lib")));
        try (Stream<Path> plugins = Files.list(Launcher.dist().resolve("plugins"))) {
            plugins.map(p -> p.resolve("lib")).filter(Files::isDirectory).sorted().forEach(folders::add);
        }
        for (Path folder : folders) {
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                    // the artifact without its version: guava-31.0.1-jre.jar -> guava
                    String artifact = jar.getFileName().toString().replaceFirst("-\\d.*$", "");
                    String first = owner.putIfAbsent(artifact, folder.toString());
                    assertTrue(first == null, artifact + " is in " + first + " and in " + folder);
                }
            }
        }
        assertTrue(owner.containsKey("api") && owner.get("api").endsWith("djl/lib"), "DJL is the djl plugin's");
        assertTrue(owner.get("slf4j-api").endsWith("/lib") && !owner.get("slf4j-api").contains("plugins"),
                "slf4j is the host's");
    }

    @Test
    void theDistributionHasTheLaunchersAndTheBundledModel() throws IOException {
        Path dist = Launcher.dist();
        for (String launcher : List.of("invoke", "images2prompt", "bench")) {
            assertTrue(Files.isExecutable(dist.resolve("bin").resolve(launcher)), launcher);
        }
        assertTrue(Files.isRegularFile(dist.resolve("configs/models.yaml")));
        assertTrue(Files.isRegularFile(dist.resolve("models/tiny-sd/unet/model.onnx")));
        assertTrue(Files.isRegularFile(dist.resolve("models/tiny-sd-torchscript/unet/model.pt")));
        assertTrue(Files.isRegularFile(dist.resolve("plugins/djl/plugin.properties")));
        assertTrue(Files.isRegularFile(dist.resolve("plugins/repl/plugin.properties")));
    }
}
