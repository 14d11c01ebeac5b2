package dev.kestrasdk.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An insertion-ordered map that cannot change once built: its {@link Builder} hands the map over and stops
 * working, so no one keeps a way to change it. The parser builds the maps of a {@code Message} and a
 * {@code Metric} this way, and those records keep such a map as it is instead of copying it as they copy any
 * other. Not exported: it may change in any release.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private final LinkedHashMap<K, V> map;
    private Map<K, V> view; // the read-only view behind entrySet, keySet and values, made when first asked for

    private FrozenMap(LinkedHashMap<K, V> map) {
        this.map = map;
    }

    /**
     * Builds one map; used once.
     *
     * @param <K> key type
     * @param <V> value type
     */
    public static final class Builder<K, V> {
        private LinkedHashMap<K, V> map = new LinkedHashMap<>();

        /**
         * Adds an entry.
         *
         * @param key   the key
         * @param value the value
         * @return false when the key was already there (its value is then replaced)
         */
        public boolean putNew(K key, V value) {
            if (map == null) {
                throw new IllegalStateException("FrozenMap.Builder: already built, cannot add to it");
            }
            int size = map.size();
            map.put(key, value);
            return map.size() != size;
        }

        /**
         * The map; this builder cannot be used afterwards.
         *
         * @return the map, with the entries in the order they were first put
         */
        public FrozenMap<K, V> build() {
            if (map == null) {
                throw new IllegalStateException("FrozenMap.Builder: already built, cannot build again");
            }
            FrozenMap<K, V> built = new FrozenMap<>(map);
            map = null;
            return built;
        }
    }

    private Map<K, V> view() {
        Map<K, V> v = view;
        if (v == null) {
            view = v = Collections.unmodifiableMap(map);
        }
        return v;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view().entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view().keySet();
    }

    @Override
    public Collection<V> values() {
        return view().values();
    }
}
