package dev.kestrasdk.conformance.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Random Java values of every type the SDK takes, including the ones it must refuse. */
final class JavaValues {
    private JavaValues() {
    }

    /** Any text: ASCII, accents, emoji, line and paragraph separators, NEL, control characters, DEL, rarely a lone surrogate. */
    static Arbitrary<String> text() {
        Arbitrary<String> interesting = Arbitraries.strings()
                .withChars('a', 'B', 'é', '"', '\\', '/', '\u2028', '\u2029', '\u0085', '\u0000', '\u001f', '\u007f', '\n', '\r', '\t', '\uffff')
                .withCharRange('\u0000', '\u00ff').ofMaxLength(12);
        Arbitrary<String> emoji = Arbitraries.of("😀", "a😀b", "\ud83d\ude00\ud83d\ude00", "𝄞");
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(6); // may contain lone surrogates
        return Arbitraries.frequencyOf(Tuple.of(6, interesting), Tuple.of(2, emoji), Tuple.of(1, anyUnicode));
    }

    static Arbitrary<Object> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(200).negate(), BigInteger.TWO.pow(200)).map(i -> (Object) i),
                Arbitraries.of(BigInteger.TWO.pow(63), BigInteger.TWO.pow(70), BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)).map(i -> (Object) i),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE).withSpecialValue(Double.MAX_VALUE).map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e21, 1e-7, 5e-324, 0.1).map(d -> (Object) d),
                Arbitraries.floats().withSpecialValue(Float.NaN).withSpecialValue(-0.0f).map(f -> (Object) f),
                Arbitraries.bigDecimals().ofScale(12).map(b -> (Object) b),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("1e-400"), new BigDecimal("123.4500")).map(b -> (Object) b));
    }

    static Arbitrary<Object> scalar() {
        return Arbitraries.frequencyOf(Tuple.of(3, number()), Tuple.of(3, text().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)), Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = map(value(depth - 1)).map(m -> (Object) m);
        return Arbitraries.frequencyOf(Tuple.of(4, scalar()), Tuple.of(1, list), Tuple.of(1, map));
    }

    static Arbitrary<Map<String, Object>> map(Arbitrary<Object> values) {
        return Arbitraries.maps(text(), values).ofMaxSize(4).map(LinkedHashMap::new);
    }

    static Arbitrary<List<String>> messages() {
        return text().list().ofMinSize(1).ofMaxSize(3);
    }
}
