package dev.kestrasdk.parse;

import dev.kestrasdk.parse.JsonTree.Num;
import dev.kestrasdk.parse.JsonTree.Obj;
import dev.kestrasdk.parse.MessageReader.Rejected;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code "assets"} into what Kestra's {@code AssetEmit(inputs, outputs)} holds, as a plain map
 * {@code {"inputs": [...], "outputs": [...]}} (both always present):
 * <ul>
 * <li>an input is Kestra's {@code AssetIdentifier}: {@code tenantId, namespace, id, type}, strings (numbers
 *     and booleans become their text as written), other keys ignored;</li>
 * <li>an output is Kestra's {@code Asset} plugin, chosen by a non-empty string {@code type} (from 2.0, without one
 *     it is an external asset: {@link KestraVersion#untypedAssetType()}) and read from a
 *     JSON tree first, so a float field becomes Java's text of the double ({@code 1.50} gives "1.5"), a
 *     non-object entry becomes null, and every key Kestra does not know is added to {@code metadata}
 *     (always a map): {@code tenantId, namespace, id, type, displayName, description, metadata}.</li>
 * </ul>
 */
final class AssetReader {
    private static final List<String> INPUT_FIELDS = List.of("tenantId", "namespace", "id", "type");
    private static final List<String> OUTPUT_TEXT_FIELDS = List.of("tenantId", "namespace", "id", "type", "displayName", "description");
    // Asset properties that are not reported back but still checked by Kestra's reader
    private static final Set<String> OUTPUT_CHECKED_FIELDS = Set.of("metadata", "created", "updated", "deleted");

    private final MessageReader values;

    AssetReader(MessageReader values) {
        this.values = values;
    }

    Map<String, Object> read(Object node) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Obj obj)) {
            throw new Rejected("wrong-type", "\"assets\" must be an object with \"inputs\" and/or \"outputs\" lists, not " + MessageReader.kind(node));
        }
        MessageReader.checkRecord(obj, Set.of("inputs", "outputs"), "assets");
        List<Object> inputs = values.readLast(obj, "inputs", (r, n) -> inputs(n));
        List<Object> outputs = values.readLast(obj, "outputs", (r, n) -> new AssetReader(r).outputs(n));
        Map<String, Object> assets = new LinkedHashMap<>();
        assets.put("inputs", inputs);
        assets.put("outputs", outputs);
        return assets;
    }

    // An output asset is read from a JSON tree, where a repeated key simply keeps its last value.
    private List<Object> inputs(Object node) throws Rejected {
        List<Object> inputs = new ArrayList<>();
        for (Object item : list(node, "assets.inputs")) {
            String at = "assets.inputs[" + inputs.size() + "]";
            inputs.add(item == null ? null : input(item, at));
        }
        return inputs;
    }

    private List<Object> outputs(Object node) throws Rejected {
        List<Object> outputs = new ArrayList<>();
        for (Object item : list(node, "assets.outputs")) {
            String at = "assets.outputs[" + outputs.size() + "]";
            outputs.add(item instanceof Obj asset ? output(asset, at) : null);
        }
        return outputs;
    }

    private static List<?> list(Object node, String path) throws Rejected {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new Rejected("bad-asset", path + " must be a list, not " + MessageReader.kind(node));
        }
        return list;
    }

    private Map<String, Object> input(Object item, String at) throws Rejected {
        if (!(item instanceof Obj asset)) {
            throw new Rejected("bad-asset", at + " must be an object, not " + MessageReader.kind(item));
        }
        MessageReader.checkRecord(asset, Set.copyOf(INPUT_FIELDS), at);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : INPUT_FIELDS) {
            out.put(field, values.readLast(asset, field, (r, n) -> MessageReader.coerceString(n, at + "." + field)));
        }
        return out;
    }

    private Map<String, Object> output(Obj asset, String at) throws Rejected {
        Object type = asset.get("type");
        String untypedAs = values.version().untypedAssetType();
        boolean typed = type instanceof String t && !t.isEmpty();
        if (typed ? ((String) type).isBlank() : untypedAs == null || type instanceof Obj || type instanceof List) {
            throw new Rejected("bad-asset", at + ".type is " + (type == null ? "missing" : MessageReader.describe(type))
                    + (untypedAs == null ? "; an output asset needs a non-empty string type (TABLE, FILE, ...)"
                    : "; an output asset's type must be a scalar, and not blank when it is a non-empty string"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : OUTPUT_TEXT_FIELDS) {
            out.put(field, treeText(asset.get(field), at + "." + field));
        }
        if (!asset.containsKey("type")) {
            out.put("type", untypedAs); // Kestra 2.0: an asset named by its id alone is an external one
        }
        Object metadata = asset.get("metadata");
        if (metadata != null && !(metadata instanceof Obj)) {
            throw new Rejected("bad-asset", at + ".metadata must be an object, not " + MessageReader.kind(metadata));
        }
        Map<String, Object> meta = metadata == null ? new LinkedHashMap<>() : values.plainMap((Obj) metadata, at + ".metadata");
        for (String field : List.of("created", "updated")) {
            KestraTime.checkInstant(asset.get(field), at + "." + field, true);
        }
        checkBoolean(asset.get("deleted"), at + ".deleted");
        for (Map.Entry<String, Object> e : asset.entrySet()) {
            if (!OUTPUT_TEXT_FIELDS.contains(e.getKey()) && !OUTPUT_CHECKED_FIELDS.contains(e.getKey())) {
                meta.put(e.getKey(), values.plain(e.getValue(), at + "." + e.getKey()));
            }
        }
        out.put("metadata", meta);
        return out;
    }

    /** A string field read from a JSON tree: a number is the text of its tree node, not the text written. */
    private static String treeText(Object node, String path) throws Rejected {
        if (node instanceof Num n) {
            return n.integral() ? new BigInteger(n.text()).toString() : Double.toString(Double.parseDouble(n.text()));
        }
        return MessageReader.coerceString(node, path);
    }

    /**
     * Jackson's primitive boolean: true/false, null, an integer (non-zero is true), or a string that, trimmed,
     * is empty, "null" (read as false) or "true"/"True"/"TRUE"/"false"/"False"/"FALSE".
     */
    private static void checkBoolean(Object node, String path) throws Rejected {
        if (node == null || node instanceof Boolean || (node instanceof Num n && n.integral())) {
            return;
        }
        if (node instanceof String s && Set.of("", "null", "true", "True", "TRUE", "false", "False", "FALSE").contains(s.trim())) {
            return;
        }
        throw new Rejected("bad-asset", path + " must be a boolean, not " + MessageReader.describe(node));
    }
}
