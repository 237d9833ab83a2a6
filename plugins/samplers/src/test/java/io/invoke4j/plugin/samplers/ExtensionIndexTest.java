package io.invoke4j.plugin.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.Sampler;
import io.invoke4j.api.ScheduleKind;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/** The PF4J index the processor generated: every sampler class listed, names unique, schedules right. */
class ExtensionIndexTest {
    private static final Set<String> NAMES = Set.of(
            "ddim", "plms",
            "k_lms", "k_euler", "k_euler_a", "k_heun", "k_dpm_2", "k_dpm_2_a", "k_dpmpp_2", "k_dpmpp_2_a",
            "k_dpmpp_sde",
            "k_lms_karras", "k_euler_karras", "k_euler_a_karras", "k_heun_karras", "k_dpm_2_karras",
            "k_dpm_2_a_karras", "k_dpmpp_2_karras", "k_dpmpp_2_a_karras", "k_dpmpp_sde_karras");

    @Test
    void listsEveryConcreteSamplerClassOfThePlugin() throws IOException, ClassNotFoundException {
        Set<String> samplerClasses = new TreeSet<>();
        String packageName = getClass().getPackageName();
        Path packageFolder = SamplerIndex.classesFolder().resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(packageFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = packageName + "." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(className);
                if (Sampler.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    samplerClasses.add(className);
                }
            }
        }
        List<String> indexed = SamplerIndex.classNames();
        assertEquals(indexed.size(), Set.copyOf(indexed).size(), "no class indexed twice");
        assertEquals(samplerClasses, new TreeSet<>(indexed));
        for (String className : indexed) {
            assertTrue(Class.forName(className).isAnnotationPresent(Extension.class), className + " is an @Extension");
        }
    }

    @Test
    void samplerNamesAreUniqueAndComplete() {
        List<String> names = SamplerIndex.samplers().stream().map(Sampler::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate names in " + names);
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(names));
    }

    @Test
    void eachSamplerWalksTheScheduleItsNameImplies() {
        for (Sampler sampler : SamplerIndex.samplers()) {
            String name = sampler.name();
            ScheduleKind expected = name.equals("ddim") || name.equals("plms") ? ScheduleKind.TIMESTEPS
                    : name.endsWith("_karras") ? ScheduleKind.KARRAS_SIGMAS
                    : ScheduleKind.SIGMAS;
            assertEquals(expected, sampler.scheduleKind(), name);
        }
        assertEquals(Set.of(ScheduleKind.values()),
                SamplerIndex.samplers().stream().map(Sampler::scheduleKind).collect(Collectors.toSet()));
    }
}
