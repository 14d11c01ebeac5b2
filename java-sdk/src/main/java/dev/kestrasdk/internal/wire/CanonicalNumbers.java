package dev.kestrasdk.internal.wire;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Canonical number text (docs/wire-format.md, "Numbers").
 *
 * <p>Integers are written exactly, in decimal. A non-integer number (double, float, BigDecimal) is reduced
 * to significant digits {@code s} (k digits) and a decimal exponent {@code n} such that the value is
 * {@code 0.s x 10^n}; the digits are the shortest that round-trip (for a BigDecimal, its own digits without
 * trailing zeros). They are then laid out exactly as ECMAScript's {@code Number.prototype.toString} does,
 * except that a result with neither {@code .} nor {@code e} gets {@code .0}, so a float stays a float,
 * and negative zero is {@code -0.0}.
 */
public final class CanonicalNumbers {
    /** Jackson's default maximum number length, which Kestra's reader keeps: longer numbers are rejected there. */
    public static final int MAX_DIGITS = 1000;

    private CanonicalNumbers() {
    }

    /** Canonical text of a finite double; callers check finiteness first. */
    public static String ofDouble(double d) {
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        double abs = Math.abs(d);
        Decimal dec = Decimal.parse(Double.toString(abs));
        if (dec.digits.length() == 2) {
            dec = preferOneDigit(dec, abs, false);
        }
        return (d < 0 ? "-" : "") + layout(dec.digits, dec.n);
    }

    /** Canonical text of a finite float, using the shortest digits that round-trip as a 32-bit float. */
    public static String ofFloat(float f) {
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0.0" : "0.0";
        }
        float abs = Math.abs(f);
        Decimal dec = Decimal.parse(Float.toString(abs));
        if (dec.digits.length() == 2) {
            dec = preferOneDigit(dec, abs, true);
        }
        return (f < 0 ? "-" : "") + layout(dec.digits, dec.n);
    }

    /** Canonical text of a BigDecimal: its exact digits, laid out like a float. */
    public static String ofBigDecimal(BigDecimal b) {
        if (b.signum() == 0) {
            return "0.0";
        }
        BigDecimal stripped = b.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        long n = (long) digits.length() - stripped.scale();
        return (b.signum() < 0 ? "-" : "") + layout(digits, n);
    }

    public static String ofInteger(BigInteger i) {
        return i.toString();
    }

    /**
     * Java's {@code Double.toString} (JDK 19+) gives the shortest digits, except that it never gives a single
     * digit: for such values it returns the closest two-digit decimal (4.9E-324). ECMAScript wants the
     * single digit when one round-trips (5e-324); pick the closer one-digit candidate that does.
     */
    private static Decimal preferOneDigit(Decimal two, double abs, boolean asFloat) {
        int d1 = two.digits.charAt(0) - '0';
        Decimal down = new Decimal(String.valueOf(d1), two.n);
        Decimal up = d1 == 9 ? new Decimal("1", two.n + 1) : new Decimal(String.valueOf(d1 + 1), two.n);
        boolean downOk = roundTrips(down, abs, asFloat);
        boolean upOk = roundTrips(up, abs, asFloat);
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(abs);
            int cmp = exact.subtract(down.toBigDecimal()).abs().compareTo(up.toBigDecimal().subtract(exact).abs());
            return cmp < 0 ? down : cmp > 0 ? up : ((d1 % 2 == 0) ? down : up);
        }
        return downOk ? down : upOk ? up : two;
    }

    private static boolean roundTrips(Decimal dec, double abs, boolean asFloat) {
        String text = "0." + dec.digits + "E" + dec.n;
        return asFloat ? Float.parseFloat(text) == (float) abs : Double.parseDouble(text) == abs;
    }

    static String layout(String s, long n) {
        int k = s.length();
        StringBuilder sb = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            sb.append(s);
            for (long i = k; i < n; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else if (0 < n && n <= 21) {
            sb.append(s, 0, (int) n).append('.').append(s, (int) n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (long i = n; i < 0; i++) {
                sb.append('0');
            }
            sb.append(s);
        } else {
            long e = n - 1;
            sb.append(s.charAt(0));
            if (k > 1) {
                sb.append('.').append(s, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    /** Significant digits (no leading or trailing zeros) and the exponent n: value = 0.digits x 10^n. */
    private record Decimal(String digits, long n) {
        static Decimal parse(String javaText) {
            int ePos = javaText.indexOf('E');
            String mantissa = ePos < 0 ? javaText : javaText.substring(0, ePos);
            long exp = ePos < 0 ? 0 : Long.parseLong(javaText.substring(ePos + 1));
            int point = mantissa.indexOf('.');
            String digits = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
            long n = (point < 0 ? mantissa.length() : point) + exp;
            int lead = 0;
            while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
                lead++;
            }
            n -= lead;
            int end = digits.length();
            while (end > lead + 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(lead, end), n);
        }

        BigDecimal toBigDecimal() {
            return new BigDecimal(new BigInteger(digits), (int) (digits.length() - n));
        }
    }
}
