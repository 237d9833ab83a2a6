package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The RetinaFace detector of an ONNX export with a fixed 640x640 input ({@code retinaface_mobilenet0.25.onnx} and
 * the like): the image fitted into 640x640 at the top left (bilinear), as BGR planes minus the means (104, 117,
 * 123), the rest 0; outputs {@code loc}, {@code conf}, {@code landms} per prior ({@link Priors}), decoded with the
 * variances 0.1 and 0.2, kept above the threshold, the best 5000 put through NMS at 0.4, at most 750 kept, and
 * scaled back to the image.
 */
final class RetinaFace {
    /** The score GFPGAN's and CodeFormer's face helper asks of a face. */
    static final double HELPER_THRESHOLD = 0.97;
    static final double NMS_THRESHOLD = 0.4;
    private static final int TOP_K = 5000;
    private static final int KEEP_TOP_K = 750;
    private static final float[] MEAN_BGR = {104f, 117f, 123f};
    private static final float[] PRIORS = Priors.of640();

    private final InferenceSession model;
    private final double threshold;

    /** @param threshold the lowest face score kept (exclusive, as facexlib compares) */
    RetinaFace(InferenceSession model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    /** The faces of {@code image}, best first, in the image's pixels. */
    List<DetectedFace> detect(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = (double) Priors.SIDE / Math.max(width, height);
        int fitWidth = Math.max(1, Math.min(Priors.SIDE, (int) Math.round(width * scale)));
        int fitHeight = Math.max(1, Math.min(Priors.SIDE, (int) Math.round(height * scale)));
        float[] input = input(image, fitWidth, fitHeight);
        String name = model.inputs().get(0).name();
        Map<String, Tensor> out = model.run(Map.of(name, Tensor.ofFloats(input, 1, 3, Priors.SIDE, Priors.SIDE)));
        float[] loc = output(out, "loc", 4);
        float[] conf = output(out, "conf", 2);
        float[] landms = output(out, "landms", 10);

        List<DetectedFace> candidates = new ArrayList<>();
        int priors = PRIORS.length / 4;
        // decoded in 640x640 pixels, then divided by the fitting scale
        double toImage = Priors.SIDE / scale;
        for (int r = 0; r < priors; r++) {
            float score = conf[r * 2 + 1];
            if (score > threshold) {
                candidates.add(decode(r, loc, landms, score, toImage));
            }
        }
        candidates.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
        if (candidates.size() > TOP_K) {
            candidates = new ArrayList<>(candidates.subList(0, TOP_K));
        }
        List<DetectedFace> kept = NonMaximumSuppression.apply(candidates, NMS_THRESHOLD);
        return kept.size() > KEEP_TOP_K ? List.copyOf(kept.subList(0, KEEP_TOP_K)) : kept;
    }

    private static DetectedFace decode(int r, float[] loc, float[] landms, float score, double toImage) {
        double cx = PRIORS[r * 4];
        double cy = PRIORS[r * 4 + 1];
        double pw = PRIORS[r * 4 + 2];
        double ph = PRIORS[r * 4 + 3];
        double x = cx + loc[r * 4] * 0.1 * pw;
        double y = cy + loc[r * 4 + 1] * 0.1 * ph;
        double w = pw * Math.exp(loc[r * 4 + 2] * 0.2);
        double h = ph * Math.exp(loc[r * 4 + 3] * 0.2);
        float[] points = new float[10];
        for (int p = 0; p < 5; p++) {
            points[2 * p] = (float) ((cx + landms[r * 10 + 2 * p] * 0.1 * pw) * toImage);
            points[2 * p + 1] = (float) ((cy + landms[r * 10 + 2 * p + 1] * 0.1 * ph) * toImage);
        }
        return new DetectedFace((float) ((x - w / 2) * toImage), (float) ((y - h / 2) * toImage),
                (float) ((x + w / 2) * toImage), (float) ((y + h / 2) * toImage), score, points);
    }

    /** BGR planes minus the means, the image resized bilinearly into the top left, zeros elsewhere. */
    private static float[] input(BufferedImage image, int fitWidth, int fitHeight) {
        int side = Priors.SIDE;
        int plane = side * side;
        float[] input = new float[3 * plane];
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        double sx = (double) width / fitWidth;
        double sy = (double) height / fitHeight;
        for (int y = 0; y < fitHeight; y++) {
            // cv2's INTER_LINEAR: pixel centres line up
            double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), height - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, height - 1);
            double wy = fy - y0;
            for (int x = 0; x < fitWidth; x++) {
                double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), width - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, width - 1);
                double wx = fx - x0;
                int i = y * side + x;
                for (int c = 0; c < 3; c++) {
                    int shift = c * 8; // B, G, R: the blue byte is the lowest
                    double top = channel(rgb[y0 * width + x0], shift) * (1 - wx) + channel(rgb[y0 * width + x1], shift) * wx;
                    double bottom = channel(rgb[y1 * width + x0], shift) * (1 - wx)
                            + channel(rgb[y1 * width + x1], shift) * wx;
                    input[c * plane + i] = (float) (top * (1 - wy) + bottom * wy) - MEAN_BGR[c];
                }
            }
        }
        return input;
    }

    private static int channel(int rgb, int shift) {
        return (rgb >> shift) & 0xff;
    }

    private float[] output(Map<String, Tensor> out, String name, int perPrior) {
        Tensor t = out.get(name);
        int priors = PRIORS.length / 4;
        if (t == null || t.size() != priors * perPrior) {
            throw new InferenceException(model + ": a RetinaFace export has output '" + name + "' of [1, " + priors
                    + ", " + perPrior + "]; got " + (t == null ? "none" : t.toString()));
        }
        return t.floats();
    }
}
