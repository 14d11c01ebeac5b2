package dev.kestrasdk.parse;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RecentStringsTest {
    private static String find(RecentStrings recent, String payload, int start, int end) {
        return recent.find(payload.toCharArray(), start, end);
    }

    @Test
    void aRememberedStringIsFoundByItsCharactersAnywhere() {
        RecentStrings recent = new RecentStrings();
        assertNull(find(recent, "rows", 0, 4));
        String rows = new String("rows");
        recent.remember(rows);
        assertSame(rows, find(recent, "{\"rows\":1}", 2, 6));
        assertNull(find(recent, "rowz", 0, 4));
        assertNull(find(recent, "row", 0, 3));
    }

    @Test
    void stringsOfOneHashAreToldApartByTheirCharacters() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        RecentStrings recent = new RecentStrings();
        find(recent, "Aa", 0, 2);
        recent.remember("Aa");
        assertNull(find(recent, "BB", 0, 2));
        recent.remember("BB"); // the same slot: the newer replaces the older
        assertEquals("BB", find(recent, "BB", 0, 2));
        assertNull(find(recent, "Aa", 0, 2));
    }

    @Test
    void longStringsAreNotKept() {
        RecentStrings recent = new RecentStrings();
        String longest = "k".repeat(RecentStrings.MAX_CHARS);
        find(recent, longest, 0, longest.length());
        recent.remember(longest);
        assertSame(longest, find(recent, longest, 0, longest.length()));
        String tooLong = longest + "k";
        assertNull(find(recent, tooLong, 0, tooLong.length()));
        recent.remember(tooLong);
        assertNull(find(recent, tooLong, 0, tooLong.length()));
    }

    @Test
    void theParserGivesTheSameKeyStringOnLaterLinesAndEscapedKeysStayExact() {
        LineParser parser = new LineParser(KestraVersion.V1_3);
        Map<String, Object> first = parser.parse("::{\"outputs\":{\"rows\":1,\"r\\u006fws2\":2}}::").message().outputs();
        Map<String, Object> second = parser.parse("::{\"outputs\":{\"rows\":3,\"rows2\":4}}::").message().outputs();
        String firstKey = first.keySet().iterator().next();
        String secondKey = second.keySet().iterator().next();
        assertSame(firstKey, secondKey);
        assertEquals(Map.of("rows", 1, "rows2", 2), first);
        assertEquals(Map.of("rows", 3, "rows2", 4), second);
        assertNotSame(first, second);
    }
}
