package dev.kestrasdk.internal.wire;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.0                     | 1.0",
            "0.1                     | 0.1",
            "-2.5                    | -2.5",
            "123.456                 | 123.456",
            "1e-6                    | 0.000001",
            "1.5e-6                  | 0.0000015",
            "1e-7                    | 1e-7",
            "1.25e-7                 | 1.25e-7",
            "1e16                    | 10000000000000000.0",
            "9007199254740992        | 9007199254740992.0",
            "1e20                    | 100000000000000000000.0",
            "1e21                    | 1e+21",
            "1.5e300                 | 1.5e+300",
            "4.9E-324                | 5e-324",
            "1.7976931348623157e308  | 1.7976931348623157e+308",
            "2.2250738585072014E-308 | 2.2250738585072014e-308",
            "0.3                     | 0.3",
            "100                     | 100.0",
            "1e23                    | 1e+23",
            "2e-323                  | 2e-323",
    })
    void doubles(double value, String expected) {
        assertEquals(expected, CanonicalNumbers.ofDouble(value));
    }

    @org.junit.jupiter.api.Test
    void zeros() {
        assertEquals("0.0", CanonicalNumbers.ofDouble(0.0));
        assertEquals("-0.0", CanonicalNumbers.ofDouble(-0.0));
        assertEquals("0.0", CanonicalNumbers.ofFloat(0f));
        assertEquals("-0.0", CanonicalNumbers.ofFloat(-0f));
        assertEquals("0.0", CanonicalNumbers.ofBigDecimal(new BigDecimal("0.000")));
    }

    @ParameterizedTest(name = "{0}f -> {1}")
    @CsvSource(delimiter = '|', value = {"0.1 | 0.1", "1 | 1.0", "3.4028235e38 | 3.4028235e+38", "1.4e-45 | 1e-45", "16777216 | 16777216.0"})
    void floatsUseFloatDigits(float value, String expected) {
        assertEquals(expected, CanonicalNumbers.ofFloat(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.10 | 1.1", "100 | 100.0", "1E+30 | 1e+30", "-0.000001 | -0.000001", "1E-7 | 1e-7",
            "12345678901234567890.123456789 | 12345678901234567890.123456789",
            "0.1000000000000000000000001 | 0.1000000000000000000000001"})
    void decimalsKeepTheirDigits(String value, String expected) {
        assertEquals(expected, CanonicalNumbers.ofBigDecimal(new BigDecimal(value)));
    }

    @org.junit.jupiter.api.Test
    void integersAreExact() {
        assertEquals("1180591620717411303424", CanonicalNumbers.ofInteger(BigInteger.TWO.pow(70)));
        assertEquals("-9223372036854775808", CanonicalNumbers.ofInteger(BigInteger.valueOf(Long.MIN_VALUE)));
    }

    @Property(tries = 3000)
    void everyFiniteDoubleRoundTripsAndStaysAFloat(@ForAll double d) {
        if (!Double.isFinite(d)) {
            return;
        }
        String text = CanonicalNumbers.ofDouble(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(text)), text);
        assertTrue(text.contains(".") || text.contains("e"), text);
        assertTrue(text.chars().allMatch(c -> c < 128), text);
    }

    @Property(tries = 3000)
    void digitsAreTheShortestThatRoundTrip(@ForAll double d) {
        if (!Double.isFinite(d) || d == 0) {
            return;
        }
        String text = CanonicalNumbers.ofDouble(Math.abs(d));
        String mantissa = text.contains("e") ? text.substring(0, text.indexOf('e')) : text;
        String digits = new BigDecimal(mantissa).unscaledValue().toString().replaceAll("0+$", "");
        int k = digits.length();
        if (k > 1) {
            // no decimal with one digit fewer rounds to the same double
            BigDecimal exact = new BigDecimal(Math.abs(d));
            BigDecimal shorter = exact.round(new java.math.MathContext(k - 1, java.math.RoundingMode.HALF_EVEN));
            BigDecimal shorterUp = exact.round(new java.math.MathContext(k - 1, java.math.RoundingMode.UP));
            BigDecimal shorterDown = exact.round(new java.math.MathContext(k - 1, java.math.RoundingMode.DOWN));
            for (BigDecimal candidate : new BigDecimal[]{shorter, shorterUp, shorterDown}) {
                assertTrue(candidate.doubleValue() != Math.abs(d), () -> text + " is not shortest: " + candidate + " also round-trips");
            }
        }
    }
}
