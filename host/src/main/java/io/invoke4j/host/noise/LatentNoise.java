package io.invoke4j.host.noise;

/**
 * What one draw of an image's start noise is: {@code torch.randn} of {@code channels x height x width} values,
 * then, when {@code perlin > 0}, InvokeAI's Perlin blend over the same generator ({@code --perlin}).
 *
 * @param channels the latent channels (4)
 * @param height   the latent height, the image's height / 8
 * @param width    the latent width
 * @param perlin   {@code --perlin}, 0 to 1; 0 draws plain Gaussian noise
 */
public record LatentNoise(int channels, int height, int width, double perlin) {

    public LatentNoise {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("need at least one float of noise, got " + channels + "x" + height
                    + "x" + width);
        }
        if (!(0 <= perlin && perlin <= 1)) {
            throw new IllegalArgumentException("perlin must be in [0, 1], got " + perlin);
        }
    }

    /** Plain Gaussian noise of {@code size} values. */
    public static LatentNoise gaussian(int size) {
        return new LatentNoise(1, 1, size, 0);
    }

    /** The number of floats of one draw. */
    public int size() {
        return channels * height * width;
    }

    /** Fills {@code out} with one draw from {@code generator}. */
    void draw(TorchGenerator generator, float[] out) {
        generator.randn(out);
        if (perlin > 0) {
            PerlinNoise.blend(out, channels, height, width, perlin, generator);
        }
    }
}
