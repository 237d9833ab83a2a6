package io.invoke4j.plugin.djl;

import io.invoke4j.api.InferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The file a model path names and which DJL engine reads it.
 *
 * @param path   the ONNX graph or TorchScript archive
 * @param format how it is stored
 */
record ModelFile(Path path, Format format) {

    enum Format {
        /** An ONNX graph, run by DJL's OnnxRuntime engine. */
        ONNX,
        /** A TorchScript archive ({@code torch.jit.save}), run by DJL's PyTorch engine. */
        TORCHSCRIPT
    }

    /** diffusers' ONNX export names every component {@code model.onnx}. */
    static final String ONNX_COMPONENT = "model.onnx";
    /** The TorchScript layout names every component {@code model.pt}. */
    static final String TORCHSCRIPT_COMPONENT = "model.pt";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /**
     * Finds the model file: in a component folder {@code model.onnx}, else {@code model.pt}; a file is taken by its
     * extension ({@code .onnx}, {@code .pt}/{@code .pth}), or else by its content (a TorchScript archive is a zip).
     *
     * @throws InferenceException naming the path and what the engine looks for when there is nothing to read
     */
    static ModelFile find(Path model) {
        if (Files.isDirectory(model)) {
            Path onnx = model.resolve(ONNX_COMPONENT);
            if (Files.isRegularFile(onnx)) {
                return new ModelFile(onnx, Format.ONNX);
            }
            Path torchScript = model.resolve(TORCHSCRIPT_COMPONENT);
            if (Files.isRegularFile(torchScript)) {
                return new ModelFile(torchScript, Format.TORCHSCRIPT);
            }
            throw new InferenceException("engine djl finds neither " + ONNX_COMPONENT + " nor " + TORCHSCRIPT_COMPONENT
                    + " in " + model.toAbsolutePath() + ": a component folder needs an ONNX graph or a TorchScript"
                    + " archive under one of those names");
        }
        if (!Files.isRegularFile(model)) {
            throw new InferenceException("engine djl finds no model at " + model.toAbsolutePath()
                    + ": give a component folder holding " + ONNX_COMPONENT + " or " + TORCHSCRIPT_COMPONENT);
        }
        String name = model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return new ModelFile(model, Format.ONNX);
        }
        if (name.endsWith(".pt") || name.endsWith(".pth")) {
            return new ModelFile(model, Format.TORCHSCRIPT);
        }
        return new ModelFile(model, isZip(model) ? Format.TORCHSCRIPT : Format.ONNX);
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        } catch (IOException e) {
            throw new InferenceException("engine djl cannot read " + file.toAbsolutePath() + ": " + OneLine.of(e), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
