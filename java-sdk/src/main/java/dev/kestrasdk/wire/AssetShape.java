package dev.kestrasdk.wire;

import dev.kestrasdk.wire.WireFormatException.Kind;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure Kestra's reader requires of an {@code assets} payload ({@code AssetEmit(inputs, outputs)}),
 * checked before anything is written: a payload Kestra would reject as a whole, or read with parts ignored,
 * is refused at the call instead. Values inside are then written by the ordinary rules.
 */
final class AssetShape {
    private static final Set<String> TOP_LEVEL = Set.of("inputs", "outputs");
    private static final List<String> TEXT_FIELDS = List.of("id", "namespace", "tenantId", "displayName", "description", "type");

    private AssetShape() {
    }

    static void check(Map<?, ?> assets) {
        for (Map.Entry<?, ?> e : assets.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof String name) || !TOP_LEVEL.contains(name)) {
                throw new WireFormatException(Kind.VALUE, "assets", "key " + key
                        + " is not read by Kestra; an assets payload has \"inputs\" and \"outputs\" lists");
            }
            checkList(name, e.getValue());
        }
    }

    /** A guest value that failed conversion: its own error is the one to report. */
    private static void rethrowDeferred(Object value) {
        if (value instanceof DeferredError d) {
            throw d.error();
        }
    }

    private static void checkList(String name, Object value) {
        String path = "assets." + name;
        rethrowDeferred(value);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> || value instanceof Collection<?> || value.getClass().isArray())) {
            throw new WireFormatException(Kind.TYPE, path, "must be a list of asset maps, not " + WireEncoder.typeName(value));
        }
        Object[] items = value instanceof Collection<?> c ? c.toArray() : value instanceof Object[] a ? a : null;
        if (items == null) {
            throw new WireFormatException(Kind.TYPE, path, "must be a list of asset maps, not " + WireEncoder.typeName(value));
        }
        for (int i = 0; i < items.length; i++) {
            String at = path + "[" + i + "]";
            rethrowDeferred(items[i]);
            if (!(items[i] instanceof Map<?, ?> asset)) {
                throw new WireFormatException(Kind.TYPE, at, "an asset must be a map, not "
                        + (items[i] == null ? "null" : WireEncoder.typeName(items[i])));
            }
            for (String field : TEXT_FIELDS) {
                Object v = asset.get(field);
                rethrowDeferred(v);
                if (v != null && !(v instanceof CharSequence)) {
                    throw new WireFormatException(Kind.TYPE, at + "." + field, "must be a string, not " + WireEncoder.typeName(v));
                }
            }
            Object type = asset.get("type");
            if (name.equals("outputs") && (type == null || type.toString().isEmpty())) {
                throw new WireFormatException(Kind.VALUE, at + ".type", "an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one");
            }
            Object metadata = asset.get("metadata");
            rethrowDeferred(metadata);
            if (metadata != null && !(metadata instanceof Map)) {
                throw new WireFormatException(Kind.TYPE, at + ".metadata", "must be a map, not " + WireEncoder.typeName(metadata));
            }
        }
    }
}
