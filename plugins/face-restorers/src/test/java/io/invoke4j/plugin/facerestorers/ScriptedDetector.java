package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.DType;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.List;
import java.util.Map;

/**
 * A RetinaFace session whose outputs are set by hand: zero offsets except where a face is placed, so that the
 * faces, their boxes and landmarks are known exactly.
 */
final class ScriptedDetector implements InferenceSession {
    private static final float[] PRIORS = Priors.of640();
    final float[] loc = new float[16800 * 4];
    final float[] conf = new float[16800 * 2];
    final float[] landms = new float[16800 * 10];
    Tensor input;

    /**
     * Puts a face on prior {@code row} with these landmarks, for an image whose longer side is 640 (image pixels are
     * then the detector's pixels).
     */
    ScriptedDetector place(int row, float score, float[] landmarks) {
        conf[row * 2 + 1] = score;
        double cx = PRIORS[row * 4];
        double cy = PRIORS[row * 4 + 1];
        double w = PRIORS[row * 4 + 2];
        double h = PRIORS[row * 4 + 3];
        for (int p = 0; p < 5; p++) {
            landms[row * 10 + 2 * p] = (float) ((landmarks[2 * p] / 640.0 - cx) / (0.1 * w));
            landms[row * 10 + 2 * p + 1] = (float) ((landmarks[2 * p + 1] / 640.0 - cy) / (0.1 * h));
        }
        return this;
    }

    /** The row of level 2's (stride 32, sizes 256 and 512) cell {@code (i, j)}, the 256 prior. */
    static int level2(int i, int j) {
        return 16000 + (i * 20 + j) * 2;
    }

    /** The FFHQ template's landmarks shrunk by {@code scale} around the template's centre, moved to {@code (x, y)}. */
    static float[] faceAt(double x, double y, double scale) {
        float[] points = new float[10];
        for (int p = 0; p < 5; p++) {
            points[2 * p] = (float) (x + (SimilarityTransform.FFHQ_512[2 * p] - 256) * scale);
            points[2 * p + 1] = (float) (y + (SimilarityTransform.FFHQ_512[2 * p + 1] - 256) * scale);
        }
        return points;
    }

    @Override
    public List<TensorInfo> inputs() {
        return List.of(new TensorInfo("input", DType.FLOAT32, new long[] {1, 3, 640, 640}));
    }

    @Override
    public List<TensorInfo> outputs() {
        return List.of();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        input = inputs.get("input");
        return Map.of("loc", Tensor.ofFloats(loc, 1, 16800, 4), "conf", Tensor.ofFloats(conf, 1, 16800, 2),
                "landms", Tensor.ofFloats(landms, 1, 16800, 10));
    }

    @Override
    public void close() {
    }
}
