package io.invoke4j.plugin.facerestorers;

/**
 * A rotation, a uniform scale and a translation of the plane: {@code x' = a x - b y + tx},
 * {@code y' = b x + a y + ty} (OpenCV's partial affine {@code [[a, -b, tx], [b, a, ty]]}).
 *
 * @param a  scale times the cosine of the rotation
 * @param b  scale times the sine of the rotation
 * @param tx translation along x
 * @param ty translation along y
 */
record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * The FFHQ template GFPGAN and CodeFormer align faces to, for a 512x512 crop: the eye on the image's left, the
     * eye on the right, the nose tip, the mouth corners left and right.
     */
    static final double[] FFHQ_512 = {
        192.98138, 239.94708, 318.90277, 240.1936, 256.63416, 314.01935, 201.26117, 371.41043, 313.08905, 371.15118};

    /**
     * The least-squares similarity taking the five landmarks to the template, as OpenCV's
     * {@code estimateAffinePartial2D} finds it when all five points agree (it then uses every point).
     *
     * @param landmarks x, y pairs in {@link DetectedFace#landmarks()}'s order
     */
    static SimilarityTransform toTemplate(float[] landmarks) {
        return fit(landmarks, FFHQ_512);
    }

    /** The least-squares similarity taking {@code from[i]} to {@code to[i]}, both x, y pairs. */
    static SimilarityTransform fit(float[] from, double[] to) {
        int n = from.length / 2;
        double fx = 0;
        double fy = 0;
        double gx = 0;
        double gy = 0;
        for (int i = 0; i < n; i++) {
            fx += from[2 * i];
            fy += from[2 * i + 1];
            gx += to[2 * i];
            gy += to[2 * i + 1];
        }
        fx /= n;
        fy /= n;
        gx /= n;
        gy /= n;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from[2 * i] - fx;
            double py = from[2 * i + 1] - fy;
            double qx = to[2 * i] - gx;
            double qy = to[2 * i + 1] - gy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("the landmarks are all one point");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
    }

    double x(double x, double y) {
        return a * x - b * y + tx;
    }

    double y(double x, double y) {
        return b * x + a * y + ty;
    }

    /** OpenCV's {@code invertAffineTransform} of this transform. */
    SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d;
        double ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }
}
