/**
 * The diffusion samplers: one PF4J extension of {@link io.invoke4j.api.Sampler} per name InvokeAI 2.x accepts
 * with {@code -A}.
 *
 * <p>The {@code k_} samplers mirror k-diffusion's {@code sampling.py} (crowsonkb/k-diffusion 4601bf0, numerically
 * identical to Birch-san/k-diffusion 3633869, the commit InvokeAI 2.2.5 pinned) function by function, in the
 * same float32 operation order, including the {@code randn_like} draws whose value goes unused. Each has a
 * {@code _karras} twin that runs on Karras sigmas at any step count. {@code ddim} and {@code plms} mirror
 * InvokeAI 2.2.5's {@code ddim.py} and {@code plms.py} with eta 0.
 *
 * <p>Every sampler allocates its working buffers once, before its loop, and updates them in place. Sampler
 * objects themselves hold no state, so one instance may serve concurrent generations.
 */
package io.invoke4j.plugin.samplers;
