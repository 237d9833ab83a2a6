/**
 * The upscalers shipped with invoke4j, each a PF4J extension of {@link io.invoke4j.api.Upscaler}:
 * <ul>
 *   <li>{@code realesrgan}: a Real-ESRGAN ONNX export in the public exports' convention (input {@code input},
 *       RGB in [0, 1], NCHW; output {@code output} at the model's own scale, 2 or 4), opened through the
 *       {@link io.invoke4j.api.InferenceEngine} its models.yaml entry names and run in overlapping tiles
 *       ({@link io.invoke4j.plugin.upscalers.TiledUpscale}), as Real-ESRGAN's {@code RealESRGANer} runs it;</li>
 *   <li>{@code lanczos}: Pillow's LANCZOS resampling, for users without model files.</li>
 * </ul>
 */
package io.invoke4j.plugin.upscalers;
