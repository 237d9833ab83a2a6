/**
 * The {@code onnx} plugin: an {@link io.invoke4j.api.InferenceEngine} on ONNX Runtime Java.
 *
 * <p>{@link io.invoke4j.plugin.onnx.OnnxEngine} opens a model file as an {@link io.invoke4j.plugin.onnx.OnnxSession};
 * the package-private helpers each do one step of that: find the file, parse the device, build the session options,
 * map element types, and convert tensor values to and from the declared dtypes.
 */
package io.invoke4j.plugin.onnx;
