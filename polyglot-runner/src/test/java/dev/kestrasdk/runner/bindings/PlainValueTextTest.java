package dev.kestrasdk.runner.bindings;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlainValueTextTest {
    @Test
    void readsEveryTokenIntoTheValuesGuestValuesGives() {
        Object value = PlainValueText.read("d7:1:ai42;1:bi-9223372036854775808;1:ci9223372036854775808;1:df-0.0;"
                + "1:es4:a:😀1:fl4:NTFl0:0:N");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 42L);
        expected.put("b", Long.MIN_VALUE);
        expected.put("c", new BigInteger("9223372036854775808"));
        expected.put("d", -0.0);
        expected.put("e", "a:\ud83d\ude00");
        expected.put("f", Arrays.asList(null, true, false, List.of()));
        expected.put("", null);
        assertEquals(expected, value);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", ""), List.copyOf(((Map<?, ?>) value).keySet()), "in the guest's order");
        assertEquals(Long.class, ((Map<?, ?>) value).get("a").getClass());
        assertEquals(Double.class, PlainValueText.read("f1e+20;").getClass());
        assertEquals(1e20, PlainValueText.read("f1e+20;"));
        assertEquals(Long.class, PlainValueText.read("i-0000000000000000001;").getClass(), "19 digits that fit a long");
    }

    @Test
    void textThatIsNotOneWholeValueIsRefusedWithWhere() {
        assertEquals("not plain-value text at character 1: unknown tag 'x'",
                assertThrows(IllegalArgumentException.class, () -> PlainValueText.read("x")).getMessage());
        assertEquals("not plain-value text at character 1: text after the value",
                assertThrows(IllegalArgumentException.class, () -> PlainValueText.read("NN")).getMessage());
        assertEquals("not plain-value text at character 1: no ';'",
                assertThrows(IllegalArgumentException.class, () -> PlainValueText.read("i12")).getMessage());
        assertEquals("not plain-value text at character 3: a string of 5 characters runs past the end",
                assertThrows(IllegalArgumentException.class, () -> PlainValueText.read("s5:a")).getMessage());
    }
}
