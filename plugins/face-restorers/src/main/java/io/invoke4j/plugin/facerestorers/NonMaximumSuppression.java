package io.invoke4j.plugin.facerestorers;

import java.util.ArrayList;
import java.util.List;

/**
 * RetinaFace's {@code py_cpu_nms}: take the best-scoring face, drop every other whose box overlaps it by more than
 * the threshold (intersection over union, with the {@code +1} pixel convention of that code), repeat.
 */
final class NonMaximumSuppression {
    private NonMaximumSuppression() {
    }

    /**
     * @param faces     sorted by score, best first
     * @param threshold the largest overlap a kept face may have with a better one (RetinaFace: 0.4)
     * @return the kept faces, best first
     */
    static List<DetectedFace> apply(List<DetectedFace> faces, double threshold) {
        List<DetectedFace> kept = new ArrayList<>();
        boolean[] dropped = new boolean[faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            if (dropped[i]) {
                continue;
            }
            DetectedFace best = faces.get(i);
            kept.add(best);
            for (int j = i + 1; j < faces.size(); j++) {
                if (!dropped[j] && overlap(best, faces.get(j)) > threshold) {
                    dropped[j] = true;
                }
            }
        }
        return kept;
    }

    static double overlap(DetectedFace a, DetectedFace b) {
        double w = Math.max(0.0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()) + 1);
        double h = Math.max(0.0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()) + 1);
        double inter = w * h;
        return inter / (area(a) + area(b) - inter);
    }

    private static double area(DetectedFace f) {
        return ((double) f.x2() - f.x1() + 1) * ((double) f.y2() - f.y1() + 1);
    }
}
