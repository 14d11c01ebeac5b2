package dev.kestrasdk.internal;

import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FrozenMap keeps its order, cannot change, and is kept as it is by Message and Metric (any other map is copied). */
class FrozenMapTest {
    private static FrozenMap<String, Object> abc() {
        FrozenMap.Builder<String, Object> b = new FrozenMap.Builder<>();
        assertTrue(b.putNew("c", 1));
        assertTrue(b.putNew("a", null));
        assertTrue(b.putNew("b", List.of(2)));
        return b.build();
    }

    @Test
    void keepsInsertionOrderAndEqualsOtherMaps() {
        FrozenMap<String, Object> m = abc();
        assertEquals(List.of("c", "a", "b"), new ArrayList<>(m.keySet()));
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("c", 1);
        same.put("a", null);
        same.put("b", List.of(2));
        assertEquals(same, m);
        assertEquals(m, same);
        assertEquals(same.hashCode(), m.hashCode());
        assertEquals("{c=1, a=null, b=[2]}", m.toString());
        assertEquals(3, m.size());
        assertTrue(m.containsKey("a"));
        assertEquals(1, m.get("c"));
        assertEquals("x", m.getOrDefault("z", "x"));
    }

    @Test
    void aRepeatedKeyIsReportedAndItsValueReplaced() {
        FrozenMap.Builder<String, Object> b = new FrozenMap.Builder<>();
        assertTrue(b.putNew("k", 1));
        assertFalse(b.putNew("k", 2));
        assertEquals(Map.of("k", 2), b.build());
    }

    @Test
    void cannotChange() {
        FrozenMap<String, Object> m = abc();
        assertThrows(UnsupportedOperationException.class, () -> m.put("d", 1));
        assertThrows(UnsupportedOperationException.class, () -> m.remove("c"));
        assertThrows(UnsupportedOperationException.class, m::clear);
        assertThrows(UnsupportedOperationException.class, () -> m.putIfAbsent("d", 1));
        assertThrows(UnsupportedOperationException.class, () -> m.keySet().remove("c"));
        assertThrows(UnsupportedOperationException.class, () -> m.values().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next().setValue(0));
        assertThrows(UnsupportedOperationException.class, () -> m.replaceAll((k, v) -> 0));
        assertEquals(Map.of("c", 1, "b", List.of(2)), Map.of("c", m.get("c"), "b", m.get("b")));
    }

    @Test
    void theBuilderWorksOnce() {
        FrozenMap.Builder<String, Object> b = new FrozenMap.Builder<>();
        b.putNew("k", 1);
        b.build();
        assertEquals("FrozenMap.Builder: already built, cannot add to it",
                assertThrows(IllegalStateException.class, () -> b.putNew("j", 2)).getMessage());
        assertEquals("FrozenMap.Builder: already built, cannot build again",
                assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void messageAndMetricKeepAFrozenMapAndCopyAnyOther() {
        FrozenMap<String, Object> frozen = abc();
        assertSame(frozen, new Message(frozen, null, null, null).outputs());
        Map<String, Object> mutable = new LinkedHashMap<>(frozen);
        Message copied = new Message(mutable, null, null, null);
        assertNotSame(mutable, copied.outputs());
        mutable.put("d", 4);
        assertEquals(frozen, copied.outputs());

        FrozenMap.Builder<String, String> tags = new FrozenMap.Builder<>();
        tags.putNew("file", "a.csv");
        FrozenMap<String, String> frozenTags = tags.build();
        assertSame(frozenTags, new Metric(MetricType.COUNTER, "rows", 1.0, frozenTags).tags());
        Map<String, String> mutableTags = new LinkedHashMap<>(frozenTags);
        Metric m = new Metric(MetricType.COUNTER, "rows", 1.0, mutableTags);
        mutableTags.put("k", "v");
        assertEquals(Map.of("file", "a.csv"), m.tags());
    }
}
