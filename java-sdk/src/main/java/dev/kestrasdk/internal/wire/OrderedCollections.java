package dev.kestrasdk.internal.wire;

import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;

/**
 * Which collections have a defined iteration order, so they can be written as a JSON list. On Java 21+ that is
 * exactly {@code java.util.SequencedCollection}, looked up by name because this module compiles for Java 17; on
 * Java 17, which has no such interface, it is the JDK types that became sequenced in 21.
 */
final class OrderedCollections {
    private static final Class<?> SEQUENCED = sequencedCollection();

    private OrderedCollections() {
    }

    static boolean isOrdered(Collection<?> c) {
        if (SEQUENCED != null) {
            return SEQUENCED.isInstance(c);
        }
        return c instanceof List || c instanceof Deque || c instanceof LinkedHashSet || c instanceof SortedSet;
    }

    private static Class<?> sequencedCollection() {
        try {
            return Class.forName("java.util.SequencedCollection");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
