package io.invoke4j.plugin.facerestorers;

import io.invoke4j.api.PostprocessContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * GFPGAN's and CodeFormer's face helper at upscale 1, around any {@link FaceNetwork}: detect the faces, drop
 * those whose eyes are under 5 pixels apart, and for each, best first: align a 512x512 crop of the original image
 * to the FFHQ template (the area outside the image grey, {@code (132, 133, 135)}), restore it, and paste it back
 * over the image so far.
 */
final class FaceRestoration {
    /** facexlib's {@code eye_dist_threshold} as GFPGAN and CodeFormer pass it. */
    static final double MIN_EYE_DISTANCE = 5;
    /** facexlib's {@code borderValue=(135, 133, 132)} of a BGR crop, in RGB. */
    private static final float[] CROP_BORDER = {132f, 133f, 135f};

    private FaceRestoration() {
    }

    /**
     * The restored image and where each face went.
     *
     * @param image the image with every face pasted back
     * @param faces the pixels each face may have changed, in the order they were pasted
     */
    record Result(BufferedImage image, List<Region> faces) {
    }

    /** Runs the whole pipeline with the restorer's model and its entry's {@code detector:}. */
    static BufferedImage restore(BufferedImage image, FaceNetwork network, PostprocessContext context) {
        PostprocessContext detector = context.helper("detector");
        RetinaFace retinaFace = new RetinaFace(detector.session(),
                detector.doubleOption("threshold", RetinaFace.HELPER_THRESHOLD));
        return restore(image, retinaFace, network, context::cancelRequested).image();
    }

    static Result restore(BufferedImage image, RetinaFace detector, FaceNetwork network, BooleanSupplier cancelled) {
        List<DetectedFace> faces = detector.detect(image).stream()
                .filter(face -> face.eyeDistance() >= MIN_EYE_DISTANCE).toList();
        if (faces.isEmpty()) {
            return new Result(image, List.of());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        image.getRGB(0, 0, width, height, pixels, 0, width);
        // every crop comes from the original image, as facexlib crops them all before pasting any
        float[] original = planes(pixels, width * height);
        List<Region> touched = new ArrayList<>();
        for (DetectedFace face : faces) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            SimilarityTransform toTemplate = SimilarityTransform.toTemplate(face.landmarks());
            float[] crop = AffineWarp.warp(original, width, height, 3, toTemplate.inverse(), 0, 0, PasteBack.FACE,
                    PasteBack.FACE, CROP_BORDER, true);
            touched.add(PasteBack.paste(pixels, width, height, network.restore(crop), toTemplate));
        }
        return new Result(out, touched);
    }

    private static float[] planes(int[] rgb, int plane) {
        float[] planes = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            planes[i] = (rgb[i] >> 16) & 0xff;
            planes[plane + i] = (rgb[i] >> 8) & 0xff;
            planes[2 * plane + i] = rgb[i] & 0xff;
        }
        return planes;
    }
}
