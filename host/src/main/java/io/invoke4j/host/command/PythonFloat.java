package io.invoke4j.host.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code str(float)}: the shortest decimal that reads back as the same double, with at least one
 * decimal ({@code 7.5}, {@code 10.0}) and exponent form below 1e-4 or from 1e16 ({@code 1e-05},
 * {@code 1e+16}). InvokeAI writes every float of a command and of its metadata this way.
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    /** {@code str(value)} as Python 3 writes it, {@code nan}, {@code inf} and {@code -0.0} included. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exponentDigits = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /**
     * The decimal with the fewest significant digits (1..17) that reads back as {@code value}, the closest to
     * it where several do (Python's {@code repr}). The n-digit decimal nearest to the value is not always the
     * one: at a power of two the next double down is twice as close as the next one up, so the nearest may
     * fall outside the round-trip interval on the narrow side while its neighbour on the wide side is inside.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest.stripTrailingZeros();
            }
            BigDecimal closest = null;
            for (BigDecimal neighbour : new BigDecimal[] {nearest.add(nearest.ulp()),
                    nearest.subtract(nearest.ulp())}) {
                if (neighbour.doubleValue() == value && (closest == null
                        || neighbour.subtract(exact).abs().compareTo(closest.subtract(exact).abs()) < 0)) {
                    closest = neighbour;
                }
            }
            if (closest != null) {
                return closest.stripTrailingZeros();
            }
        }
        return exact.stripTrailingZeros();
    }
}
