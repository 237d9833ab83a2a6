package io.invoke4j.host.postprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --embiggen SCALE [ESRGAN_STRENGTH [OVERLAP]]} as InvokeAI's embiggen generator completes and corrects it
 * in place (so the recorded command shows all three): a negative scale becomes 1.0, a strength outside [0, 1]
 * 0.75, a negative overlap 0.25, each with InvokeAI's message; missing values get those defaults.
 *
 * @param scale          how many times larger the result is each way
 * @param esrganStrength the strength of the upscaler's pass before the tiles; 0 resizes with Lanczos only
 * @param overlap        the tiles' overlap: below 1 a fraction of the tile, else pixels
 */
public record EmbiggenSettings(double scale, double esrganStrength, double overlap) {

    /**
     * @param typed    one to three values as typed
     * @param messages InvokeAI's lines for the values it corrects
     */
    public static EmbiggenSettings of(List<Double> typed, Consumer<String> messages) {
        double scale = typed.get(0);
        if (scale < 0) {
            scale = 1.0;
            messages.accept(">> Embiggen scaling factor cannot be negative, fell back to the default of 1.0 !");
        }
        double strength = 0.75;
        if (typed.size() >= 2) {
            strength = typed.get(1);
            if (strength > 1.0 || strength < 0) {
                strength = 0.75;
                messages.accept(">> Embiggen upscaling strength for ESRGAN must be between 0 and 1, fell back to the"
                        + " default of 0.75 !");
            }
        }
        double overlap = 0.25;
        if (typed.size() >= 3) {
            overlap = typed.get(2);
            if (overlap < 0) {
                overlap = 0.25;
                messages.accept(">> Overlap size for Embiggen must be a positive ratio between 0 and 1 OR a number of"
                        + " pixels, fell back to the default of 0.25 !");
            }
        }
        return new EmbiggenSettings(scale, strength, overlap);
    }

    /** The three values, as the command records them. */
    public List<Double> values() {
        return new ArrayList<>(List.of(scale, esrganStrength, overlap));
    }
}
