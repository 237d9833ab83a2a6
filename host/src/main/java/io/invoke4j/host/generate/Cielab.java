package io.invoke4j.host.generate;

/**
 * 8-bit sRGB to CIELAB and back as scikit-image converts ({@code rgb2lab}, {@code lab2rgb}): the sRGB transfer
 * curve, the sRGB/XYZ matrix of {@code skimage.color}, the D65 white of the 2-degree observer, and on the way back
 * a negative z clipped to 0, the result clipped to [0, 1] and rounded to 8 bits. L is 0-100, a and b about
 * -128-127.
 */
final class Cielab {
    /** skimage's {@code xyz_from_rgb}. */
    private static final double[][] XYZ_FROM_RGB = {
            {0.412453, 0.357580, 0.180423},
            {0.212671, 0.715160, 0.072169},
            {0.019334, 0.119193, 0.950227}};
    /** Its inverse, as skimage takes {@code linalg.inv} of it. */
    private static final double[][] RGB_FROM_XYZ = inverse(XYZ_FROM_RGB);
    /** D65, 2-degree observer. */
    private static final double[] WHITE = {0.95047, 1.0, 1.08883};

    private Cielab() {
    }

    /**
     * @param rgb pixels as {@code 0xRRGGBB} (higher bits ignored)
     * @return three planes, L, a and b, each {@code rgb.length} long
     */
    static double[][] fromRgb(int[] rgb) {
        double[][] lab = new double[3][rgb.length];
        double[] linear = new double[3];
        double[] f = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            for (int c = 0; c < 3; c++) {
                linear[c] = toLinear(((rgb[i] >> (16 - 8 * c)) & 0xff) / 255.0);
            }
            for (int row = 0; row < 3; row++) {
                double[] m = XYZ_FROM_RGB[row];
                double xyz = m[0] * linear[0] + m[1] * linear[1] + m[2] * linear[2];
                f[row] = labCurve(xyz / WHITE[row]);
            }
            lab[0][i] = 116.0 * f[1] - 16.0;
            lab[1][i] = 500.0 * (f[0] - f[1]);
            lab[2][i] = 200.0 * (f[1] - f[2]);
        }
        return lab;
    }

    /** The inverse of {@link #fromRgb}: three planes L, a, b to {@code 0xRRGGBB} pixels. */
    static int[] toRgb(double[][] lab) {
        int n = lab[0].length;
        int[] rgb = new int[n];
        double[] xyz = new double[3];
        for (int i = 0; i < n; i++) {
            double fy = (lab[0][i] + 16.0) / 116.0;
            double fx = lab[1][i] / 500.0 + fy;
            // skimage warns about a negative z and clips it
            double fz = Math.max(fy - lab[2][i] / 200.0, 0.0);
            xyz[0] = inverseLabCurve(fx) * WHITE[0];
            xyz[1] = inverseLabCurve(fy) * WHITE[1];
            xyz[2] = inverseLabCurve(fz) * WHITE[2];
            int pixel = 0;
            for (int row = 0; row < 3; row++) {
                double[] m = RGB_FROM_XYZ[row];
                double linear = m[0] * xyz[0] + m[1] * xyz[1] + m[2] * xyz[2];
                double encoded = Math.min(Math.max(fromLinear(linear), 0.0), 1.0);
                pixel = pixel << 8 | (int) Math.rint(encoded * 255.0);
            }
            rgb[i] = pixel;
        }
        return rgb;
    }

    private static double toLinear(double c) {
        return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
    }

    private static double fromLinear(double c) {
        return c > 0.0031308 ? 1.055 * Math.pow(c, 1 / 2.4) - 0.055 : c * 12.92;
    }

    private static double labCurve(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116.0;
    }

    private static double inverseLabCurve(double t) {
        return t > 0.2068966 ? t * t * t : (t - 16.0 / 116.0) / 7.787;
    }

    private static double[][] inverse(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], k = m[2][2];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        return new double[][] {
                {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
                {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
                {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
    }
}
