package io.invoke4j.plugin.samplers;

/**
 * k-diffusion's {@code get_ancestral_step(sigma_from, sigma_to, eta=1)}: an ancestral step from
 * {@code sigmaFrom} to {@code sigmaTo} denoises down to {@code sigmaDown}, then adds fresh noise of
 * {@code sigmaUp}, so that {@code sigmaDown^2 + sigmaUp^2 = sigmaTo^2}. Two functions rather than a pair, so
 * that the sampling loops allocate nothing.
 */
final class AncestralStep {

    private AncestralStep() {
    }

    /** {@code min(sigma_to, (sigma_to^2 * (sigma_from^2 - sigma_to^2) / sigma_from^2) ** 0.5)}, in float32. */
    static float sigmaUp(float sigmaFrom, float sigmaTo) {
        float from2 = sigmaFrom * sigmaFrom;
        float to2 = sigmaTo * sigmaTo;
        float up = FloatMath.sqrt(to2 * (from2 - to2) / from2);
        // Python's min(a, b) keeps a unless b < a
        return up < sigmaTo ? up : sigmaTo;
    }

    /** {@code (sigma_to^2 - sigma_up^2) ** 0.5}, in float32. */
    static float sigmaDown(float sigmaTo, float sigmaUp) {
        return FloatMath.sqrt(sigmaTo * sigmaTo - sigmaUp * sigmaUp);
    }
}
