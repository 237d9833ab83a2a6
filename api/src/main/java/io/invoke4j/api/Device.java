package io.invoke4j.api;

import java.util.Locale;

/**
 * The device an {@link EngineOptions#device()} string names, parsed the same way for every engine.
 *
 * @param kind  the CPU, a CUDA GPU, or the engine's best available device
 * @param index the CUDA device number ({@code 0} unless {@code cuda:N})
 */
public record Device(Kind kind, int index) {

    /** What kind of device. */
    public enum Kind { CPU, CUDA, AUTO }

    /** The CPU. */
    public static final Device CPU = new Device(Kind.CPU, 0);
    /** Whatever the engine finds best (a CUDA GPU if it can use one, else the CPU). */
    public static final Device AUTO = new Device(Kind.AUTO, 0);

    /** CUDA device {@code index}. */
    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /**
     * Parses {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (also for null or blank), ignoring case and
     * surrounding blanks.
     *
     * @throws InferenceException with a one-line message for anything else
     */
    public static Device parse(String device) {
        String name = device == null ? "" : device.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("auto")) {
            return AUTO;
        }
        if (name.equals("cpu")) {
            return CPU;
        }
        if (name.equals("cuda")) {
            return cuda(0);
        }
        if (name.startsWith("cuda:")) {
            try {
                int index = Integer.parseInt(name.substring("cuda:".length()));
                if (index >= 0) {
                    return cuda(index);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            }
        }
        throw new InferenceException("unknown device '" + device + "': use cpu, cuda, cuda:N or auto");
    }

    /** {@code cpu}, {@code cuda:N} or {@code auto}: the form {@link #parse} reads back. */
    @Override
    public String toString() {
        return kind == Kind.CUDA ? "cuda:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
