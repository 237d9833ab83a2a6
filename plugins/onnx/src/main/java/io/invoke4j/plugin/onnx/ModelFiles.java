package io.invoke4j.plugin.onnx;

import io.invoke4j.api.InferenceException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the {@code .onnx} file that a model path names: the file itself, or {@code model.onnx} in a component folder. */
final class ModelFiles {

    /** The file name diffusers' ONNX export gives every component ({@code unet/model.onnx}). */
    static final String COMPONENT_FILE = "model.onnx";

    private ModelFiles() {
    }

    /**
     * @throws InferenceException naming the path when there is no such file
     */
    static Path resolve(Path model) {
        Path file = Files.isDirectory(model) ? model.resolve(COMPONENT_FILE) : model;
        if (!Files.isRegularFile(file)) {
            throw new InferenceException("ONNX model not found: " + file.toAbsolutePath());
        }
        return file;
    }
}
