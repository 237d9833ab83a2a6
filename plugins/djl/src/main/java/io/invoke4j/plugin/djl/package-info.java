/**
 * The {@code djl} plugin: an {@link io.invoke4j.api.InferenceEngine} on DJL.
 *
 * <p>{@link io.invoke4j.plugin.djl.DjlEngine} finds the model file ({@code ModelFile}) and opens it in DJL's
 * OnnxRuntime engine ({@code OnnxRuntimeSession}) or DJL's PyTorch engine ({@code TorchScriptSession});
 * {@link io.invoke4j.plugin.djl.DjlPlugin} sets DJL up when the plugin starts. Class loading: ONNX Runtime and
 * slf4j come from the host's class loader (one owner for ONNX Runtime's native library); DJL, its engines,
 * libtorch's jars, gson, JNA and commons-compress are this plugin's own, and DJL calls that discover engines or
 * native resources run with this plugin's loader as the context class loader ({@code PluginContext}).
 */
package io.invoke4j.plugin.djl;
