package dev.kestrasdk.runner.bindings;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a guest value that the guest module wrote as one string, so it crosses into Java in one call instead of
 * one interop call per key and element (in GraalPy each such call takes the GIL again). The module writes it only
 * for plain values, those {@link GuestValues} would convert without a dialect type or an error; anything else
 * still goes through {@link GuestValues}. The values are the ones {@link GuestValues} gives for the same data.
 *
 * <p>The text, one token per value: {@code N} null, {@code T} true, {@code F} false, {@code i<digits>;} an integer
 * ({@link Long}, or {@link BigInteger} beyond it), {@code f<text>;} a float ({@link Double}, the guest's shortest
 * round-trip text), {@code s<n>:<n characters>} a string ({@code n} in UTF-16 units), {@code l<n>:} a list of the
 * {@code n} values that follow, {@code d<n>:} a map of {@code n} entries, each {@code <k>:<k characters>} for the key
 * then the value.
 */
public final class PlainValueText {
    private final String text;
    private int at;

    private PlainValueText(String text) {
        this.text = text;
    }

    /**
     * The value the text holds.
     *
     * @throws IllegalArgumentException when the text is not one whole value in this form
     */
    public static Object read(String text) {
        PlainValueText reader = new PlainValueText(text);
        try {
            Object value = reader.value();
            if (reader.at != text.length()) {
                throw reader.bad("text after the value");
            }
            return value;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw reader.bad(e.getMessage());
        }
    }

    private Object value() {
        char tag = text.charAt(at++);
        switch (tag) {
            case 'N':
                return null;
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 's':
                return string();
            case 'i':
                return integer(until(';'));
            case 'f':
                return Double.parseDouble(until(';'));
            case 'l': {
                int size = count();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value());
                }
                return list;
            }
            case 'd': {
                int size = count();
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
                for (int i = 0; i < size; i++) {
                    String key = string();
                    map.put(key, value());
                }
                return map;
            }
            default:
                throw bad("unknown tag '" + tag + "'");
        }
    }

    private static Object integer(String digits) {
        if (digits.length() <= 18) {
            return Long.parseLong(digits);
        }
        BigInteger big = new BigInteger(digits);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private String string() {
        int length = count();
        if (length > text.length() - at) {
            throw bad("a string of " + length + " characters runs past the end");
        }
        String s = text.substring(at, at + length);
        at += length;
        return s;
    }

    private int count() {
        return Integer.parseInt(until(':'));
    }

    private String until(char end) {
        int stop = text.indexOf(end, at);
        if (stop < 0) {
            throw bad("no '" + end + "'");
        }
        String s = text.substring(at, stop);
        at = stop + 1;
        return s;
    }

    private IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("not plain-value text at character " + at + ": " + why);
    }
}
