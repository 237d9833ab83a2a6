package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A face restoring network in the public ONNX exports' convention: one aligned 512x512 face as RGB planes
 * normalised to [-1, 1] ({@code (p / 255 - 0.5) / 0.5}), the same back, clamped and turned into pixels as
 * basicsr's {@code tensor2img} does. CodeFormer also takes its fidelity as a one-element {@code weight}.
 */
final class FaceNetwork {
    /** CodeFormer's fidelity input. */
    static final String WEIGHT = "weight";

    private final InferenceSession model;
    private final String input;
    private final String output;
    private final OptionalDouble fidelity;
    private final float[] buffer = new float[3 * PasteBack.FACE * PasteBack.FACE];

    /**
     * @param fidelity CodeFormer's w, for a model that declares {@code weight}; empty for one that does not
     * @throws InferenceException when the model's inputs and the fidelity do not go together
     */
    FaceNetwork(InferenceSession model, OptionalDouble fidelity) {
        this.model = model;
        this.input = model.inputs().stream().map(TensorInfo::name).filter(name -> !name.equals(WEIGHT)).findFirst()
                .orElseThrow(() -> new InferenceException(model + ": no image input"));
        this.output = model.outputs().get(0).name();
        boolean takesWeight = model.inputs().stream().anyMatch(i -> i.name().equals(WEIGHT));
        if (takesWeight && fidelity.isEmpty()) {
            throw new InferenceException(model + " takes a fidelity 'weight': it is a CodeFormer model, run it as"
                    + " codeformer");
        }
        this.fidelity = takesWeight ? fidelity : OptionalDouble.empty();
    }

    /**
     * @param crop RGB planes of the aligned 512x512 face, values 0-255
     * @return the restored face, RGB planes, values 0-255 (whole numbers)
     */
    float[] restore(float[] crop) {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (crop[i] / 255f - 0.5f) / 0.5f;
        }
        Map<String, Tensor> inputs = new HashMap<>();
        inputs.put(input, Tensor.ofFloats(buffer, 1, 3, PasteBack.FACE, PasteBack.FACE));
        if (fidelity.isPresent()) {
            inputs.put(WEIGHT, Tensor.ofFloats(new float[] {(float) fidelity.getAsDouble()}, 1));
        }
        Tensor out = model.run(inputs).get(output);
        if (out == null || out.size() != buffer.length) {
            throw new InferenceException(model + ": a face restorer returns [1, 3, 512, 512]; got " + out);
        }
        float[] values = out.floats();
        float[] pixels = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            float unit = (Math.min(Math.max(values[i], -1f), 1f) + 1f) / 2f;
            pixels[i] = (float) Math.rint(unit * 255f);
        }
        return pixels;
    }
}
