package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.PostprocessContext;
import java.awt.image.BufferedImage;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/**
 * {@code codeformer}: CodeFormer as an ONNX model with its fidelity input, in the face helper's pipeline. The
 * fidelity w is the {@code fidelity} option: {@code -cf}, else the entry's {@code fidelity:}, else InvokeAI's
 * 0.75.
 */
@Extension
public final class CodeFormerRestorer implements FaceRestorer {
    /** The name {@code -ft} and models.yaml use. */
    public static final String NAME = "codeformer";
    /** InvokeAI 2.2.5's {@code -cf} default. */
    static final double DEFAULT_FIDELITY = 0.75;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BufferedImage restore(BufferedImage image, PostprocessContext context) {
        double fidelity = context.doubleOption("fidelity", DEFAULT_FIDELITY);
        FaceNetwork network = new FaceNetwork(context.session(), OptionalDouble.of(fidelity));
        return FaceRestoration.restore(image, network, context);
    }
}
