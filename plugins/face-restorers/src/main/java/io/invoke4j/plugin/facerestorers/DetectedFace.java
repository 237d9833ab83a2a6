package io.invoke4j.plugin.facerestorers;

/**
 * One face RetinaFace found, in image pixels.
 *
 * @param x1        left of the box
 * @param y1        top of the box
 * @param x2        right of the box
 * @param y2        bottom of the box
 * @param score     the face probability
 * @param landmarks the five landmarks as x, y pairs: the eye on the image's left, the eye on the right, the nose
 *                  tip, the mouth corner on the left, the mouth corner on the right
 */
record DetectedFace(float x1, float y1, float x2, float y2, float score, float[] landmarks) {

    DetectedFace {
        if (landmarks.length != 10) {
            throw new IllegalArgumentException("five landmarks, ten numbers; got " + landmarks.length);
        }
        landmarks = landmarks.clone();
    }

    @Override
    public float[] landmarks() {
        return landmarks.clone();
    }

    /** The distance between the two eyes, which facexlib's helper wants at least 5 pixels. */
    double eyeDistance() {
        return Math.hypot(landmarks[2] - landmarks[0], landmarks[3] - landmarks[1]);
    }
}
