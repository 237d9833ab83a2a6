package io.invoke4j.api;

import java.nio.file.Path;
import org.pf4j.ExtensionPoint;

/**
 * An inference backend: opens model files and runs them.
 *
 * <p>Every model the host uses (text encoder, UNet, VAE, upscaler, face restorer) is opened through the
 * engine that {@code configs/models.yaml} names, so changing {@code engine:} there moves all of them.
 */
public interface InferenceEngine extends ExtensionPoint {

    /** The name models.yaml uses to pick this engine: {@code "onnx"}, {@code "djl"}. */
    String name();

    /**
     * Opens a model.
     *
     * @param model   a model file, or a component folder of a diffusers-layout model ({@code unet/}) in which
     *                the engine finds the file it reads ({@code model.onnx}, {@code model.pt}); always opened
     *                by path so that external weight files beside it are found
     * @param options device, precision and threads
     * @throws InferenceException when the file is missing or the engine cannot read it
     */
    InferenceSession open(Path model, EngineOptions options);
}
