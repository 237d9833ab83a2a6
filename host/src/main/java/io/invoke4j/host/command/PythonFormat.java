package io.invoke4j.host.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part of Python's {@code str.format(**values)} that a file-name pattern needs (InvokeAI's {@code --fnformat}):
 * named fields ({@code {seed}}), {@code {{}} and {@code }}} for braces, and the format specs
 * {@code [[fill]align][sign][0][width][.precision][type]} with the types {@code s}, {@code d x X o b} and
 * {@code f F e E %} ({@code {seed:08d}}, {@code {cfg_scale:.1f}}, {@code {prompt:.20}}), giving Python's text.
 * Values are Python's {@code str}, {@code int}, {@code float}, {@code bool} and {@code None}.
 *
 * <p>What Python has and this does not (positional fields {@code {}} and {@code {0}}, {@code {a.b}} and
 * {@code {a[0]}}, conversions {@code !r}, nested fields in a spec, the {@code #}, {@code z}, {@code ,} and
 * {@code _} options, the types {@code g G n c}, a spec on a {@code bool}) is refused with one line rather than
 * guessed, as are the patterns Python refuses (with Python's words).
 */
public final class PythonFormat {
    private static final String ALIGNS = "<>=^";
    private static final String INT_TYPES = "dxXob";
    private static final String FLOAT_TYPES = "fFeE%";
    private static final int DEFAULT_FLOAT_PRECISION = 6;

    private final List<Part> parts;

    private PythonFormat(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException one line saying what in it is malformed or not supported
     */
    public static PythonFormat parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
                continue;
            }
            int end = closingBrace(template, i);
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(field(template.substring(i + 1, end)));
            i = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new PythonFormat(List.copyOf(parts));
    }

    /** The field names, in the order they first appear (the order Python looks them up in). */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Field field) {
                names.add(field.name());
            }
        }
        return names;
    }

    /**
     * {@code pattern.format(**values)}.
     *
     * @param values {@link String}, {@link Integer}, {@link Long}, {@link Double}, {@link Boolean} or {@code null}
     *               ({@code None}) per name
     * @throws IllegalArgumentException a field without a value ({@code KeyError}), or a spec that does not suit
     *                                  its value, in one line
     */
    public String format(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                Field field = (Field) part;
                if (!values.containsKey(field.name())) {
                    throw new IllegalArgumentException("no value for {" + field.name() + "}");
                }
                out.append(field.spec().apply(values.get(field.name())));
            }
        }
        return out.toString();
    }

    /* Python ends a field at the '}' that balances its '{', so a nested field stays inside it. */
    private static int closingBrace(String template, int open) {
        int depth = 1;
        for (int j = open + 1; j < template.length(); j++) {
            char c = template.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("expected '}' before end of string");
    }

    private static Field field(String text) {
        int colon = text.indexOf(':');
        int bang = text.indexOf('!');
        int nameEnd = colon < 0 ? text.length() : colon;
        if (bang >= 0 && bang < nameEnd) {
            throw new IllegalArgumentException("{" + text + "}: conversions such as !r or !s are not supported");
        }
        String name = text.substring(0, nameEnd);
        if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("{" + text + "}: positional fields such as {} or {0} are not"
                    + " supported; name the value, e.g. {seed}");
        }
        if (name.contains(".") || name.contains("[")) {
            throw new IllegalArgumentException("{" + text + "}: attribute and index lookups such as {prompt[0]}"
                    + " are not supported");
        }
        String spec = colon < 0 ? "" : text.substring(colon + 1);
        if (spec.contains("{")) {
            throw new IllegalArgumentException("{" + text + "}: fields inside a format spec are not supported");
        }
        return new Field(name, Spec.parse(spec, "{" + text + "}"));
    }

    private sealed interface Part permits Literal, Field {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String name, Spec spec) implements Part {
    }

    /** {@code [[fill]align][sign][0][width][.precision][type]}; {@code fill}, {@code align}, {@code sign}: 0 if absent. */
    private record Spec(String text, String field, int fill, char align, char sign, boolean zero, int width,
                        int precision, String type) {

        static Spec parse(String spec, String field) {
            int i = 0;
            int fill = 0;
            char align = 0;
            if (spec.length() > 0) {
                int first = spec.codePointAt(0);
                int next = Character.charCount(first);
                if (next < spec.length() && ALIGNS.indexOf(spec.charAt(next)) >= 0) {
                    fill = first;
                    align = spec.charAt(next);
                    i = next + 1;
                } else if (ALIGNS.indexOf(first) >= 0) {
                    align = (char) first;
                    i = 1;
                }
            }
            char sign = 0;
            if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) {
                sign = spec.charAt(i++);
            }
            if (i < spec.length() && "z#".indexOf(spec.charAt(i)) >= 0) {
                throw unsupported(field, "the '" + spec.charAt(i) + "' option");
            }
            boolean zero = i < spec.length() && spec.charAt(i) == '0';
            if (zero) {
                i++;
            }
            int widthStart = i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            int width = number(spec.substring(widthStart, i), field);
            if (i < spec.length() && ",_".indexOf(spec.charAt(i)) >= 0) {
                throw unsupported(field, "the '" + spec.charAt(i) + "' grouping option");
            }
            int precision = -1;
            if (i < spec.length() && spec.charAt(i) == '.') {
                int start = ++i;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalArgumentException(field + ": Format specifier missing precision");
                }
                precision = number(spec.substring(start, i), field);
            }
            String type = spec.substring(i);
            if (type.length() > 1) {
                throw new IllegalArgumentException(field + ": Invalid format specifier");
            }
            if (!type.isEmpty() && ("s" + INT_TYPES + FLOAT_TYPES).indexOf(type.charAt(0)) < 0) {
                throw unsupported(field, "the format type '" + type + "'");
            }
            return new Spec(spec, field, fill, align, sign, zero, width, precision, type);
        }

        private static int number(String digits, String field) {
            if (digits.isEmpty()) {
                return -1;
            }
            try {
                return Integer.parseInt(UnicodeDigits.toAscii(digits));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": Too many decimal digits in format string");
            }
        }

        private static IllegalArgumentException unsupported(String field, String what) {
            return new IllegalArgumentException(field + ": " + what + " is not supported");
        }

        /** {@code format(value, spec)}. */
        String apply(Object value) {
            if (text.isEmpty()) {
                return plain(value);
            }
            if (value == null) {
                throw new IllegalArgumentException(field + ": unsupported format string passed to"
                        + " NoneType.__format__ (the value is None)");
            }
            if (value instanceof Boolean) {
                throw unsupported(field, "a format spec on a True/False value");
            }
            if (value instanceof String s) {
                return string(s);
            }
            if (value instanceof Integer || value instanceof Long) {
                long n = ((Number) value).longValue();
                if (!type.isEmpty() && FLOAT_TYPES.contains(type)) {
                    return floating(n);
                }
                return integer(n);
            }
            if (value instanceof Double d) {
                return floating(d);
            }
            throw new IllegalArgumentException(field + ": cannot format " + value.getClass().getSimpleName());
        }

        private static String plain(Object value) {
            if (value == null) {
                return "None";
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            if (value instanceof Double d) {
                return PythonFloat.format(d);
            }
            return value.toString();
        }

        private String string(String s) {
            if (sign != 0) {
                throw new IllegalArgumentException(field + ": Sign not allowed in string format specifier");
            }
            if (align == '=') {
                throw new IllegalArgumentException(field + ": '=' alignment not allowed in string format specifier");
            }
            if (zero) {
                throw unsupported(field, "the '0' option on text");
            }
            if (!type.isEmpty() && !"s".equals(type)) {
                throw unknownCode("str");
            }
            String body = s;
            if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
                body = s.substring(0, s.offsetByCodePoints(0, precision));
            }
            return pad("", body, '<');
        }

        private String integer(long n) {
            if ("s".equals(type)) {
                throw unknownCode("int");
            }
            if (precision >= 0) {
                throw new IllegalArgumentException(field + ": Precision not allowed in integer format specifier");
            }
            BigDecimal magnitude = BigDecimal.valueOf(n).abs();
            String digits = switch (type) {
                case "x" -> magnitude.toBigInteger().toString(16);
                case "X" -> magnitude.toBigInteger().toString(16).toUpperCase(Locale.ROOT);
                case "o" -> magnitude.toBigInteger().toString(8);
                case "b" -> magnitude.toBigInteger().toString(2);
                default -> magnitude.toPlainString();
            };
            return pad(signOf(n < 0), digits, '>');
        }

        private String floating(double d) {
            if (!type.isEmpty() && INT_TYPES.contains(type) || "s".equals(type)) {
                throw unknownCode("float");
            }
            boolean negative = d < 0 || d == 0 && 1 / d < 0;
            double magnitude = Math.abs(d);
            String body;
            if (type.isEmpty()) {
                if (precision >= 0) {
                    throw unsupported(field, "a precision without a type (Python's general format); use .Nf");
                }
                body = PythonFloat.format(magnitude);
            } else {
                int p = precision >= 0 ? precision : DEFAULT_FLOAT_PRECISION;
                body = switch (type) {
                    case "f", "F" -> fixed(magnitude, p);
                    case "e", "E" -> exponent(magnitude, p);
                    default -> fixed(magnitude * 100, p) + "%";
                };
                if ("F".equals(type) || "E".equals(type)) {
                    body = body.toUpperCase(Locale.ROOT);
                }
            }
            return pad(signOf(negative && !Double.isNaN(d)), body, '>');
        }

        /* Python rounds the exact binary value half to even; Java's Formatter rounds its shortest decimal half up. */
        private static String fixed(double magnitude, int p) {
            if (!Double.isFinite(magnitude)) {
                return Double.isNaN(magnitude) ? "nan" : "inf";
            }
            return new BigDecimal(magnitude).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        }

        private static String exponent(double magnitude, int p) {
            if (!Double.isFinite(magnitude)) {
                return Double.isNaN(magnitude) ? "nan" : "inf";
            }
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            int exp = magnitude == 0 ? 0 : rounded.precision() - rounded.scale() - 1;
            String mantissa = rounded.movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }

        private String signOf(boolean negative) {
            if (negative) {
                return "-";
            }
            return sign == '+' ? "+" : sign == ' ' ? " " : "";
        }

        private String pad(String signText, String body, char defaultAlign) {
            int fillChar = fill != 0 ? fill : zero ? '0' : ' ';
            char how = align != 0 ? align : zero ? '=' : defaultAlign;
            int length = signText.length() + body.codePointCount(0, body.length());
            int missing = Math.max(0, width - length);
            String padding = new String(Character.toChars(fillChar)).repeat(missing);
            return switch (how) {
                case '<' -> signText + body + padding;
                case '=' -> signText + padding + body;
                case '^' -> {
                    String left = new String(Character.toChars(fillChar)).repeat(missing / 2);
                    String right = new String(Character.toChars(fillChar)).repeat(missing - missing / 2);
                    yield left + signText + body + right;
                }
                default -> padding + signText + body;
            };
        }

        private IllegalArgumentException unknownCode(String pythonType) {
            return new IllegalArgumentException(field + ": Unknown format code '" + type + "' for object of type '"
                    + pythonType + "'");
        }
    }
}
