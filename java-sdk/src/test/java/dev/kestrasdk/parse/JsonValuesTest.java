package dev.kestrasdk.parse;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonValuesTest {
    @Test
    void valuesAreTypedAsKestrasUntypedReaderTypesThem() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 1);
        expected.put("l", 2147483648L);
        expected.put("b", new BigInteger("9223372036854775808"));
        expected.put("d", 1.0);
        expected.put("l2", Arrays.asList("x", true, null));
        assertEquals(expected, JsonValues.parse("{\"i\":1,\"l\":2147483648,\"b\":9223372036854775808,\"d\":1.0,\"l2\":[\"x\",true,null]}"));
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) JsonValues.parse("{\"z\":1,\"a\":2}")).keySet()));
    }

    @Test
    void exactlyOneValue() {
        assertEquals("text after the JSON value at column 3", assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("1 2")).getMessage());
        assertEquals("empty JSON text", assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("{\"a\":}"));
    }
}
