package io.invoke4j.plugin.djl;

import io.invoke4j.api.InferenceException;
import java.util.Locale;

/**
 * The device an {@link io.invoke4j.api.EngineOptions#device()} string asks for (the same words as the onnx
 * engine's).
 *
 * @param kind  CPU, a CUDA GPU, or whatever is best
 * @param index the CUDA device number (0 unless {@code cuda:N})
 */
record DeviceSpec(Kind kind, int index) {

    enum Kind { CPU, CUDA, AUTO }

    static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, 0);
    static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, 0);

    /**
     * Parses {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (also for null or blank).
     *
     * @throws InferenceException for anything else
     */
    static DeviceSpec parse(String device) {
        String name = device == null ? "" : device.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("auto")) {
            return AUTO;
        }
        if (name.equals("cpu")) {
            return CPU;
        }
        if (name.equals("cuda")) {
            return new DeviceSpec(Kind.CUDA, 0);
        }
        if (name.startsWith("cuda:")) {
            try {
                int index = Integer.parseInt(name.substring("cuda:".length()));
                if (index >= 0) {
                    return new DeviceSpec(Kind.CUDA, index);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            }
        }
        throw new InferenceException("engine djl: unknown device '" + device + "': use cpu, cuda, cuda:N or auto");
    }

    @Override
    public String toString() {
        return kind == Kind.CUDA ? "cuda:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
