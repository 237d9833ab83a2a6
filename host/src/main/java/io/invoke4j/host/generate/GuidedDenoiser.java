package io.invoke4j.host.generate;

import io.invoke4j.api.Denoiser;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The UNet as a {@link Denoiser}, with classifier-free guidance: k-diffusion's {@code CompVisDenoiser}
 * (input scaling {@code c_in = 1 / sqrt(sigma^2 + 1)}, fractional timestep from sigma, {@code denoised = x -
 * sigma * eps}) wrapped in InvokeAI 2.2.5's CFG ({@code uncond + (cond - uncond) * scale}).
 *
 * <p>With a {@link CfgThreshold} ({@code --threshold}), each k-sampler prediction is clamped after the CFG mix, as
 * InvokeAI's {@code CFGDenoiser} does; DDIM and PLMS ({@link #predictNoise}) never threshold, as in InvokeAI.
 *
 * <p>Unconditional and conditional rows run as one batch of 2 when the UNet's batch axis allows it, as
 * InvokeAI does; otherwise as two calls. All buffers are allocated once per image size and reused every step.
 */
public final class GuidedDenoiser implements Denoiser {
    private final InferenceSession unet;
    private final DiscreteSchedule schedule;
    private final float guidanceScale;
    /** {@code null} when the command has no {@code --threshold}. */
    private final CfgThreshold threshold;
    private final boolean batched;
    private final boolean integerTimestep;
    private final String sampleName;
    private final String timestepName;
    private final String hiddenName;
    private final int size;
    private final long[] sampleShape;

    private final String outputName;

    // reused every step: the engine copies from these arrays into its own buffers on each run
    private final float[] sample;
    private final float[] timestepFloats;
    private final long[] timestepLongs;
    private final float[] unbatchedEps;
    private final Map<String, Tensor> inputs = new HashMap<>();
    private final Tensor[] hiddenPerRow;

    /**
     * @param uncond hidden states of the negative (usually empty) prompt, {@code [1, 77, D]}
     * @param cond   hidden states of the prompt, {@code [1, 77, D]}
     * @param latentShape the shape of the latents this denoiser will see ({@code [1, 4, h, w]})
     */
    public GuidedDenoiser(InferenceSession unet, DiscreteSchedule schedule, Tensor uncond, Tensor cond,
                          float guidanceScale, int[] latentShape) {
        this(unet, schedule, uncond, cond, guidanceScale, latentShape, null);
    }

    /** @param threshold clamps each {@link #denoise} result ({@code --threshold}), or {@code null} for none */
    public GuidedDenoiser(InferenceSession unet, DiscreteSchedule schedule, Tensor uncond, Tensor cond,
                          float guidanceScale, int[] latentShape, CfgThreshold threshold) {
        this.threshold = threshold;
        this.unet = unet;
        this.schedule = schedule;
        this.guidanceScale = guidanceScale;
        this.sampleName = unet.inputs().get(0).name();
        this.timestepName = unet.inputs().get(1).name();
        this.hiddenName = unet.inputs().get(2).name();
        TensorInfo sampleInfo = unet.inputs().get(0);
        long[] declared = sampleInfo.shape();
        this.batched = sampleInfo.isDynamic(0) || declared[0] == 2;
        this.integerTimestep = !unet.inputs().get(1).dtype().isFloating();
        this.size = latentShape[0] * latentShape[1] * latentShape[2] * latentShape[3];
        int rows = batched ? 2 : 1;
        this.sampleShape = new long[] {rows, latentShape[1], latentShape[2], latentShape[3]};
        this.sample = new float[rows * size];
        this.timestepFloats = new float[rows];
        this.timestepLongs = new long[rows];
        this.unbatchedEps = batched ? null : new float[2 * size];
        this.outputName = unet.outputs().get(0).name();
        inputs.put(sampleName, Tensor.ofFloats(sample, sampleShape));
        inputs.put(timestepName, integerTimestep ? Tensor.ofLongs(timestepLongs, rows) : Tensor.ofFloats(timestepFloats, rows));
        if (batched) {
            inputs.put(hiddenName, concatRows(uncond, cond));
            hiddenPerRow = null;
        } else {
            hiddenPerRow = new Tensor[] {uncond, cond};
        }
    }

    private static Tensor concatRows(Tensor a, Tensor b) {
        float[] both = new float[a.size() + b.size()];
        System.arraycopy(a.floats(), 0, both, 0, a.size());
        System.arraycopy(b.floats(), 0, both, a.size(), b.size());
        long[] shape = a.shape();
        shape[0] = 2;
        return Tensor.ofFloats(both, shape);
    }

    @Override
    public void denoise(Latents x, float sigma, Latents out) {
        float cIn = 1f / (float) Math.sqrt(sigma * sigma + 1f);
        float[] xd = x.data();
        float[] od = out.data();
        float[] eps = predict(xd, cIn, schedule.sigmaToT(sigma));
        float cOut = -sigma;
        for (int i = 0; i < size; i++) {
            float uncond = xd[i] + eps[i] * cOut;
            float cond = xd[i] + eps[size + i] * cOut;
            od[i] = uncond + (cond - uncond) * guidanceScale;
        }
        if (threshold != null) {
            threshold.apply(od, size);
        }
    }

    @Override
    public void predictNoise(Latents x, int timestep, Latents out) {
        float[] eps = predict(x.data(), 1f, timestep);
        float[] od = out.data();
        for (int i = 0; i < size; i++) {
            od[i] = eps[i] + (eps[size + i] - eps[i]) * guidanceScale;
        }
    }

    /**
     * Runs the UNet on {@code x * scale}: the unconditional then the conditional noise prediction, in one
     * array of {@code 2 * size}.
     */
    private float[] predict(float[] x, float scale, float t) {
        // A model with an integer timestep input cannot take k-diffusion's fractional t: the nearest integer
        // is the closest it can come (the engine alone would truncate).
        java.util.Arrays.fill(timestepFloats, t);
        java.util.Arrays.fill(timestepLongs, Math.round(t));
        for (int i = 0; i < size; i++) {
            sample[i] = x[i] * scale;
        }
        if (batched) {
            System.arraycopy(sample, 0, sample, size, size);
            return run();
        }
        inputs.put(hiddenName, hiddenPerRow[0]);
        System.arraycopy(run(), 0, unbatchedEps, 0, size);
        inputs.put(hiddenName, hiddenPerRow[1]);
        System.arraycopy(run(), 0, unbatchedEps, size, size);
        return unbatchedEps;
    }

    private float[] run() {
        return unet.run(inputs).get(outputName).floats();
    }
}
