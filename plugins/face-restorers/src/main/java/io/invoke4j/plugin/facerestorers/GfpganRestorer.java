package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.PostprocessContext;
import java.awt.image.BufferedImage;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/** {@code gfpgan}: GFPGAN (v1.4, arch {@code clean}) as an ONNX model, in the face helper's pipeline. */
@Extension
public final class GfpganRestorer implements FaceRestorer {
    /** The name {@code -ft} and models.yaml use. */
    public static final String NAME = "gfpgan";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BufferedImage restore(BufferedImage image, PostprocessContext context) {
        FaceNetwork network = new FaceNetwork(context.session(), OptionalDouble.empty());
        return FaceRestoration.restore(image, network, context);
    }
}
