package io.invoke4j.plugin.upscalers;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.util.Map;

/**
 * How many times larger a super-resolution model makes its input, found by running it once on a 4x4 black
 * image: Real-ESRGAN's exports do not say, and tiling must know before the first tile.
 */
final class NativeScale {
    /** Divisible by the pixel-unshuffle of x2 (2) and x1 (4) models. */
    private static final int PROBE = 4;

    private NativeScale() {
    }

    /**
     * @throws InferenceException when the model does not enlarge a square image to a square image by a whole
     *                            factor
     */
    static int of(InferenceSession model, String input, String output) {
        Tensor probe = Tensor.ofFloats(new float[3 * PROBE * PROBE], 1, 3, PROBE, PROBE);
        Tensor out = model.run(Map.of(input, probe)).get(output);
        long height = out.dim(2);
        long width = out.dim(3);
        if (out.rank() != 4 || out.dim(1) != 3 || height != width || height % PROBE != 0 || height < PROBE) {
            throw new InferenceException(model + ": a super-resolution model should enlarge [1, 3, 4, 4] by a whole"
                    + " factor, it returned " + out);
        }
        return (int) (height / PROBE);
    }

    /**
     * The size every side of the input must be a multiple of, as Real-ESRGAN pads it: a x2 model
     * pixel-unshuffles by 2, a x1 model by 4.
     */
    static int inputMultiple(int scale) {
        return switch (scale) {
            case 1 -> 4;
            case 2 -> 2;
            default -> 1;
        };
    }
}
