package dev.kestrasdk.runner.language.python;

import org.graalvm.polyglot.Value;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Builds Python dicts and lists from JSON values through interop, for the {@code inputs} global. Cheaper than
 * {@code json.loads}: importing {@code json} costs a fresh GraalPy context about 150 ms in the interpreter.
 */
final class PythonValues {
    private final Value dict;
    private final Value list;
    private final Value integer;

    PythonValues(Value builtins) {
        this.dict = builtins.getMember("dict");
        this.list = builtins.getMember("list");
        this.integer = builtins.getMember("int");
    }

    /** @param value null, Boolean, a Number, String, List or Map with String keys, as the SDK's parser returns */
    Object toPython(Object value) {
        if (value instanceof Map<?, ?> map) {
            Value d = dict.execute();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                d.putHashEntry(e.getKey(), toPython(e.getValue()));
            }
            return d;
        }
        if (value instanceof List<?> items) {
            Value l = list.execute();
            for (Object item : items) {
                l.invokeMember("append", toPython(item));
            }
            return l;
        }
        if (value instanceof BigInteger big) {
            return integer.execute(big.toString()); // a host BigInteger would stay a foreign number
        }
        return value; // null, Boolean, Integer, Long, Double and String map to None, bool, int, float and str
    }
}
