package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Against Pillow 12.3's {@code ImageFilter.GaussianBlur} on a 13x9 RGBA pattern (alpha varying on the right):
 * the first eight pixels and a position-weighted checksum of all of them, computed with
 * {@code sum(argb * (i + 1)) % 1000000007}.
 */
class PillowGaussianBlurTest {
    private static final int W = 13;
    private static final int H = 9;

    private static int[] pattern() {
        int[] argb = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int r = (x * 37 + y * 11) % 256;
                int g = (x * x * 5 + y * 3) % 256;
                int b = (x + y) % 3 != 0 ? 255 : 0;
                int a = x < 7 ? 255 : (x * 20) % 256;
                argb[y * W + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    @ParameterizedTest
    @CsvSource({
        "1, 4279436170, 4281010861, 4283308458, 4285739935, 4271330994, 4172186027, 3734415775, 3042160306, 134550863",
        "3, 4266270874, 4233308829, 4166793119, 4083697571, 3966785958, 3833031335, 3699014568, 3598551207, 949329582",
        "32, 4082594188, 4082659724, 4082659724, 4082659724, 4082659724, 4082659724, 4082659980, 4082659980, 215263610"})
    void matchesPillow(double radius, long p0, long p1, long p2, long p3, long p4, long p5, long p6, long p7,
                       long checksum) {
        int[] blurred = PillowGaussianBlur.blur(pattern(), W, H, radius);
        long[] first = new long[8];
        for (int i = 0; i < 8; i++) {
            first[i] = Integer.toUnsignedLong(blurred[i]);
        }
        assertArrayEquals(new long[] {p0, p1, p2, p3, p4, p5, p6, p7}, first);
        long sum = 0;
        for (int i = 0; i < blurred.length; i++) {
            sum = (sum + Integer.toUnsignedLong(blurred[i]) * (i + 1)) % 1_000_000_007L;
        }
        assertEquals(checksum, sum);
    }

    @Test
    void leavesItsInputAlone() {
        int[] argb = pattern();
        PillowGaussianBlur.blur(argb, W, H, 3);
        assertArrayEquals(pattern(), argb);
    }
}
