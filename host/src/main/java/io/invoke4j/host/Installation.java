package io.invoke4j.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where invoke4j is installed: the dist folder that {@code bin/invoke} names with {@code -Dinvoke4j.home}
 * ({@code configs/}, {@code models/}, {@code plugins/} packaged), or a source checkout, whose plugins are read
 * in PF4J development mode from the module folders.
 *
 * @param home        the installation (or checkout) folder
 * @param pluginsDir  where the plugins are
 * @param development whether plugins are module folders ({@code target/classes}) rather than packaged
 */
record Installation(Path home, Path pluginsDir, boolean development) {

    /** From {@code -Dinvoke4j.home}, else the checkout at or above the working directory. */
    static Installation locate() {
        String home = System.getProperty("invoke4j.home");
        if (home != null) {
            Path dir = Path.of(home).toAbsolutePath().normalize();
            return new Installation(dir, dir.resolve("plugins"), false);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("plugins")) && Files.isRegularFile(d.resolve("configs/models.yaml"))) {
                boolean packaged = !Files.exists(d.resolve("pom.xml"));
                return new Installation(d, d.resolve("plugins"), !packaged);
            }
        }
        return new Installation(dir, dir.resolve("plugins"), false);
    }

    Path defaultConfig() {
        return home.resolve("configs/models.yaml");
    }
}
