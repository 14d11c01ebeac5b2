package dev.kestrasdk.runner.json;

import dev.kestrasdk.runner.json.ToolJson.Num;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToolJsonTest {
    @Test
    void valuesAreTypedAsKestrasUntypedReaderTypesThem() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 1);
        expected.put("l", 2147483648L);
        expected.put("b", new BigInteger("9223372036854775808"));
        expected.put("d", 1.0);
        expected.put("l2", Arrays.asList("x", true, null));
        assertEquals(expected, ToolJson.read("{\"i\":1,\"l\":2147483648,\"b\":9223372036854775808,\"d\":1.0,\"l2\":[\"x\",true,null]}"));
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) ToolJson.read("{\"z\":1,\"a\":2}")).keySet()));
    }

    @Test
    void exactlyOneValue() {
        assertEquals("text after the JSON value at column 3", assertThrows(IllegalArgumentException.class, () -> ToolJson.read("1 2")).getMessage());
        assertEquals("empty JSON text", assertThrows(IllegalArgumentException.class, () -> ToolJson.read("  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToolJson.read("{\"a\":}"));
        assertEquals("text after the JSON value at column 5", assertThrows(IllegalArgumentException.class, () -> ToolJson.readExact("1.0 2")).getMessage());
    }

    @Test
    void badJsonNamesWhatAndWhere() {
        assertEquals("Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 6",
                assertThrows(IllegalArgumentException.class, () -> ToolJson.read("{\"a\":}")).getMessage());
    }

    @Test
    void exactReadingKeepsEachNumberAsWritten() {
        List<?> l = (List<?>) ToolJson.readExact("[1, 1.0, -0.0, 1e400, 1180591620717411303424, 0.1000000000000000055511151231257827, 1E+2]");
        assertEquals(List.of(new Num("1", true), new Num("1.0", false), new Num("-0.0", false), new Num("1e400", false),
                new Num("1180591620717411303424", true), new Num("0.1000000000000000055511151231257827", false),
                new Num("1E+2", false)), l);
        assertEquals("[1,1.0,-0.0,1e400,1180591620717411303424,0.1000000000000000055511151231257827,1E+2]", ToolJson.write(l));
    }

    @Test
    void plainReadingTypesNumbersByToken() {
        assertEquals(Arrays.asList(1, 1.0, -0.0, new BigInteger("1180591620717411303424"), Double.POSITIVE_INFINITY),
                ToolJson.read("[1, 1.0, -0.0, 1180591620717411303424, 1e400]"));
    }

    @Test
    void exactReadingRefusesARepeatedKeyPlainReadingKeepsTheLast() {
        assertEquals("Duplicate field 'a' at line 1, column 11",
                assertThrows(IllegalArgumentException.class, () -> ToolJson.readExact("{\"a\":1,\"a\":2}")).getMessage());
        assertEquals(Map.of("a", 2), ToolJson.read("{\"a\":1,\"a\":2}"));
    }

    @Test
    void writingIsCompactPrintableAscii() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "caf\u00e9 \"q\"\n\u007f\ud83d\ude00");
        m.put("n", null);
        m.put("l", List.of(true, 2, 2.5));
        assertEquals("{\"s\":\"caf\\u00E9 \\\"q\\\"\\n\\u007F\\uD83D\\uDE00\",\"n\":null,\"l\":[true,2,2.5]}", ToolJson.write(m));
        assertEquals("{\"a\":[1.0,\"\\u00E9\"]}", ToolJson.compact("{ \"a\" : [ 1.0 , \"\u00e9\" ] }"));
    }
}
