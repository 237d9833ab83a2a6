/**
 * The stable contract between the invoke4j host and its plugins.
 *
 * <p>A plugin is a PF4J plugin (a folder or zip in {@code plugins/}) whose classes implement one of the
 * extension points here and carry PF4J's {@code @Extension} annotation (or are declared as a
 * {@link java.util.ServiceLoader} provider of the interface). The host creates every extension through its
 * Guice injector, so an extension may {@code @Inject} a constructor taking other host services.
 *
 * <p>Extension points:
 * <ul>
 *   <li>{@link io.invoke4j.api.InferenceEngine}: opens model files and runs them ({@code onnx}, {@code djl}).</li>
 *   <li>{@link io.invoke4j.api.Sampler}: one diffusion sampler ({@code k_lms}, {@code ddim}, ...).</li>
 *   <li>{@link io.invoke4j.api.Upscaler}: enlarges an image for {@code -U} and {@code --embiggen}
 *       ({@code realesrgan}, {@code lanczos}).</li>
 *   <li>{@link io.invoke4j.api.FaceRestorer}: restores the faces of an image for {@code -G}/{@code -ft}
 *       ({@code gfpgan}, {@code codeformer}).</li>
 *   <li>{@link io.invoke4j.api.FrontEnd}: the user interface ({@code repl}, {@code web}).</li>
 * </ul>
 *
 * <p>Value types ({@link io.invoke4j.api.GenerationRequest}, {@link io.invoke4j.api.GeneratedImage},
 * {@link io.invoke4j.api.TensorInfo}) are immutable. {@link io.invoke4j.api.Tensor} and
 * {@link io.invoke4j.api.Latents} wrap arrays without copying them, for speed; their javadoc says who may
 * write to them.
 */
package io.invoke4j.api;
