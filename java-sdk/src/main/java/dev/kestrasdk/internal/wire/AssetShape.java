package dev.kestrasdk.internal.wire;

import dev.kestrasdk.wire.WireFormatException;

import dev.kestrasdk.wire.WireFormatException.Kind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structure Kestra's reader requires of an {@code assets} payload ({@code AssetEmit(inputs, outputs)}),
 * checked before anything is written: a payload Kestra would reject as a whole, or read with parts ignored,
 * is refused at the call instead. Values inside are then written by the ordinary rules.
 *
 * <p>The check walks in canonical order (keys sorted, lists in order, an asset's fields sorted), so when
 * several things are wrong the error names the same one in every SDK (wire-format.md 7.6).
 */
final class AssetShape {
    /** An asset's fields Kestra reads, sorted: each with what it must be. */
    private enum Field {
        CREATED("created"), DELETED("deleted"), DESCRIPTION("description"), DISPLAY_NAME("displayName"), ID("id"),
        METADATA("metadata"), NAMESPACE("namespace"), TENANT_ID("tenantId"), TYPE("type"), UPDATED("updated");

        final String key;

        Field(String key) {
            this.key = key;
        }
    }

    private AssetShape() {
    }

    static void check(Map<?, ?> assets) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : assets.entrySet()) {
            if (!(e.getKey() instanceof CharSequence key)) {
                throw new WireFormatException(Kind.TYPE, "assets", "map key " + e.getKey() + " is "
                        + (e.getKey() == null ? "not a string" : "a " + WireEncoder.typeName(e.getKey()) + ", not a string"));
            }
            sorted.put(key.toString(), e.getValue());
        }
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String name = e.getKey();
            if (!name.equals("inputs") && !name.equals("outputs")) {
                throw new WireFormatException(Kind.VALUE, "assets", "key " + name
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
            for (Field field : Field.values()) {
                checkField(name.equals("outputs"), asset, field, at + "." + field.key);
            }
        }
    }

    private static void checkField(boolean output, Map<?, ?> asset, Field field, String path) {
        Object v = asset.get(field.key);
        rethrowDeferred(v);
        switch (field) {
            case CREATED, UPDATED -> {
                if (v != null && !isInstant(v)) {
                    throw new WireFormatException(v instanceof CharSequence ? Kind.VALUE : Kind.TYPE, path,
                            "must be an instant (an Instant, an offset date-time, or ISO-8601 text with an offset), not "
                                    + (v instanceof CharSequence ? "\"" + v + "\"" : WireEncoder.typeName(v)));
                }
            }
            case DELETED -> {
                if (v != null && !(v instanceof Boolean)) {
                    throw new WireFormatException(Kind.TYPE, path, "must be a boolean, not " + WireEncoder.typeName(v));
                }
            }
            case METADATA -> {
                if (v != null && !(v instanceof Map)) {
                    throw new WireFormatException(Kind.TYPE, path, "must be a map, not " + WireEncoder.typeName(v));
                }
            }
            default -> {
                if (v != null && !(v instanceof CharSequence)) {
                    throw new WireFormatException(Kind.TYPE, path, "must be a string, not " + WireEncoder.typeName(v));
                }
                if (field == Field.TYPE && output && (v == null || v.toString().isEmpty())) {
                    throw new WireFormatException(Kind.VALUE, path, "an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one");
                }
            }
        }
    }

    private static boolean isInstant(Object v) {
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof java.util.Date) {
            return true;
        }
        if (v instanceof CharSequence text) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
