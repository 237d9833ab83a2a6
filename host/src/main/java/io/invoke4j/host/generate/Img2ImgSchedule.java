package io.invoke4j.host.generate;

import io.invoke4j.api.Latents;
import io.invoke4j.api.ScheduleKind;
import io.invoke4j.host.noise.TorchGenerator;
import java.util.Arrays;

/**
 * Where img2img starts and what it walks, as InvokeAI 2.2.5's {@code Img2Img.generate} decides it from the
 * strength: {@code t_enc = int(strength * steps)}, the part of the full {@code steps}-step schedule that is left,
 * and the init latents noised to the level the walk starts at.
 *
 * <p>Sigma samplers ({@code KSampler}): the schedule is built for all {@code steps} (karras below
 * {@code --karras_max}), then its last {@code t_enc + 1} sigmas are walked, from {@code full[steps - t_enc]} down
 * to 0. Timestep samplers ({@code DDIMSampler}, {@code PLMSSampler}): {@code ddim_timesteps[:t_enc]}, highest first,
 * and the start is {@code stochastic_encode} at index {@code t_enc - 1}.
 */
public final class Img2ImgSchedule {
    private final ScheduleKind kind;
    private final int steps;
    private final int tEnc;
    private final float[] fullSigmas;
    private final float[] sigmas;
    private final int[] timesteps;
    private final float encodeAlpha;

    private Img2ImgSchedule(ScheduleKind kind, int steps, int tEnc, float[] fullSigmas, float[] sigmas,
                            int[] timesteps, float encodeAlpha) {
        this.kind = kind;
        this.steps = steps;
        this.tEnc = tEnc;
        this.fullSigmas = fullSigmas;
        this.sigmas = sigmas;
        this.timesteps = timesteps;
        this.encodeAlpha = encodeAlpha;
    }

    /**
     * InvokeAI's {@code int(strength * steps)}: the product is a double and is truncated, so 0.58 x 50
     * (28.999999999999996) gives 28.
     */
    public static int tEnc(double strength, int steps) {
        return (int) (strength * steps);
    }

    /**
     * The img2img schedule for a sampler of {@code kind}.
     *
     * @param karrasMax InvokeAI's {@code --karras_max}: {@link ScheduleKind#SIGMAS} samplers use karras sigmas
     *                  below this many steps
     * @throws IllegalArgumentException when {@code strength} is outside [0, 1] or {@code steps} below 1
     */
    public static Img2ImgSchedule of(DiscreteSchedule schedule, ScheduleKind kind, int steps, double strength,
                                     int karrasMax) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must lie in [0, 1], got " + strength);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        int tEnc = tEnc(strength, steps);
        if (kind == ScheduleKind.TIMESTEPS) {
            int[] ascending = schedule.ddimTimesteps(steps);
            int[] walked = new int[tEnc];
            for (int i = 0; i < tEnc; i++) {
                walked[i] = ascending[tEnc - 1 - i];
            }
            float[] table = schedule.sigmas();
            float[] sigmas = new float[tEnc + 1];
            for (int i = 0; i < tEnc; i++) {
                sigmas[i] = table[walked[i]];
            }
            // with t_enc = 0 nothing is walked and the init latents are left as they are (see noisedStart)
            float encodeAlpha = tEnc > 0 ? schedule.alphasCumprod()[ascending[tEnc - 1]] : 1f;
            return new Img2ImgSchedule(kind, steps, tEnc, null, sigmas, walked, encodeAlpha);
        }
        float[] full = kind == ScheduleKind.KARRAS_SIGMAS
                ? schedule.karrasSigmas(steps)
                : schedule.invokeAiSigmas(steps, karrasMax);
        float[] tail = Arrays.copyOfRange(full, full.length - tEnc - 1, full.length);
        return new Img2ImgSchedule(kind, steps, tEnc, full, tail, new int[0], Float.NaN);
    }

    /** The number of sampling steps img2img runs: {@code int(strength * steps)}. */
    public int tEnc() {
        return tEnc;
    }

    /** The step the walk starts at, {@code steps - t_enc}, as InvokeAI's progress line reports it. */
    public int startStep() {
        return steps - tEnc;
    }

    /** The full {@code steps}-step sigma schedule the tail is cut from (a copy); empty for timestep samplers. */
    public float[] fullSigmas() {
        return fullSigmas == null ? new float[0] : fullSigmas.clone();
    }

    /**
     * What the sampler walks (a copy): the last {@code t_enc + 1} sigmas of the full schedule, ending with 0; for
     * timestep samplers the sigma of each of {@link #timesteps()}, then 0.
     */
    public float[] sigmas() {
        return sigmas.clone();
    }

    /** For timestep samplers: {@code ddim_timesteps[:t_enc]}, highest first (a copy); empty for sigma samplers. */
    public int[] timesteps() {
        return timesteps.clone();
    }

    /** For timestep samplers: {@code ddim_alphas[t_enc - 1]}, the alpha the init latents are encoded at. */
    public float encodeAlpha() {
        return encodeAlpha;
    }

    /**
     * The init latents noised to where the walk starts, drawing from {@code generator} just after it was seeded,
     * in InvokeAI's order. Its {@code Img2Img.get_noise} always draws {@code x_T = randn_like(init)} first; then
     * <ul>
     *   <li>sigma samplers: {@code KSampler.stochastic_encode} ignores {@code x_T} and {@code KSampler.sample}
     *       returns {@code init + randn_like(init) * sigmas[0]}: the SECOND draw;</li>
     *   <li>timestep samplers: {@code sqrt(a) * init + sqrt(1 - a) * x_T} with {@code a = ddim_alphas[t_enc - 1]}:
     *       the FIRST draw.</li>
     * </ul>
     * With {@code t_enc = 0} the init latents are returned unchanged (KSampler's result; InvokeAI's DDIM would
     * index {@code ddim_alphas[-1]} and decode pure noise).
     *
     * @return new latents; {@code init} is not changed
     */
    public Latents noisedStart(Latents init, TorchGenerator generator) {
        Latents noise = Latents.zerosLike(init);
        generator.randn(noise.data());
        Latents x = Latents.zerosLike(init);
        if (tEnc == 0) {
            return x.set(init);
        }
        float[] xd = x.data();
        float[] id = init.data();
        float[] nd = noise.data();
        if (kind == ScheduleKind.TIMESTEPS) {
            // DDIMSampler's buffers: torch.sqrt(ddim_alphas) and np.sqrt(1. - ddim_alphas), both float32
            float signal = (float) Math.sqrt(encodeAlpha);
            float noiseScale = (float) Math.sqrt(1f - encodeAlpha);
            for (int i = 0; i < xd.length; i++) {
                xd[i] = signal * id[i] + noiseScale * nd[i];
            }
            return x;
        }
        generator.randn(nd);
        float sigma = sigmas[0];
        for (int i = 0; i < xd.length; i++) {
            xd[i] = id[i] + nd[i] * sigma;
        }
        return x;
    }
}
