package io.invoke4j.plugin.samplers;

import io.invoke4j.api.Sampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin's samplers as PF4J finds them: through {@code META-INF/extensions.idx}, which PF4J's annotation
 * processor writes into the compiled classes from the {@code @Extension} annotations.
 */
final class SamplerIndex {

    private SamplerIndex() {
    }

    /** The folder the plugin's main classes were compiled into ({@code target/classes}). */
    static Path classesFolder() {
        try {
            return Path.of(DdimSampler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class names the index lists, in its order. */
    static List<String> classNames() {
        Path index = classesFolder().resolve("META-INF/extensions.idx");
        try {
            return Files.readAllLines(index).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }

    /** A new instance of every indexed extension, created as PF4J does, through the no-argument constructor. */
    static List<Sampler> samplers() {
        List<Sampler> samplers = new ArrayList<>();
        for (String className : classNames()) {
            try {
                Class<?> type = Class.forName(className);
                samplers.add((Sampler) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                throw new IllegalStateException("cannot create " + className, cause);
            }
        }
        return samplers;
    }

    /** The indexed sampler called {@code name}. */
    static Optional<Sampler> byName(String name) {
        return samplers().stream().filter(sampler -> sampler.name().equals(name)).findFirst();
    }
}
