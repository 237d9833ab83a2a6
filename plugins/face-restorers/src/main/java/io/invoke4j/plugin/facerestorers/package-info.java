/**
 * The face restorers shipped with invoke4j, PF4J extensions of {@link io.invoke4j.api.FaceRestorer}:
 * {@code gfpgan} (GFPGAN v1.4) and {@code codeformer} (CodeFormer, with its fidelity input), each an ONNX model
 * in the public exports' convention (a 512x512 aligned face, RGB in [-1, 1]) opened through the
 * {@link io.invoke4j.api.InferenceEngine} of its models.yaml entry.
 *
 * <p>Around the model they run the pipeline of GFPGAN's and CodeFormer's face helper (facexlib's
 * {@code FaceRestoreHelper} with upscale 1): RetinaFace finds each face and its five landmarks
 * ({@link io.invoke4j.plugin.facerestorers.RetinaFace}), a similarity transform takes the landmarks to the FFHQ
 * template and warps a 512x512 crop ({@link io.invoke4j.plugin.facerestorers.SimilarityTransform},
 * {@link io.invoke4j.plugin.facerestorers.AffineWarp}), the model restores the crop, and the result goes back
 * through the inverse transform with a feathered mask ({@link io.invoke4j.plugin.facerestorers.PasteBack}).
 */
package io.invoke4j.plugin.facerestorers;
