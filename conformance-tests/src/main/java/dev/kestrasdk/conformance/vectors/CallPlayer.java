package dev.kestrasdk.conformance.vectors;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.wire.WireFormatException;

import java.util.List;
import java.util.Map;

/** Makes a vector's calls on the Java SDK. */
public final class CallPlayer {
    /**
     * What the calls did.
     *
     * @param lines      the lines printed, in order (those of the calls before an error)
     * @param error      the error that stopped the calls, or {@code null}
     * @param failedCall the index of the call that raised {@code error}, or -1
     */
    public record Outcome(List<String> lines, WireFormatException error, int failedCall) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    private CallPlayer() {
    }

    /** Plays the calls on a fresh emitter that collects its lines (its large-line warnings are dropped). */
    public static Outcome play(List<Call> calls) {
        return play(calls, new Emitter(new CollectingSink(), warning -> { }));
    }

    /**
     * Makes the calls in order until one raises a {@link WireFormatException}. The lines are those the emitter's
     * sink collected during the calls, if it is a {@link CollectingSink}; with any other sink they are not known
     * here and the list is empty.
     */
    public static Outcome play(List<Call> calls, Emitter emitter) {
        CollectingSink collecting = emitter.sink() instanceof CollectingSink c ? c : null;
        int before = collecting == null ? 0 : collecting.lines().size();
        WireFormatException error = null;
        int failed = -1;
        for (int i = 0; i < calls.size(); i++) {
            try {
                make(calls.get(i), emitter);
            } catch (WireFormatException e) {
                error = e;
                failed = i;
                break;
            }
        }
        List<String> lines = collecting == null ? List.of() : collecting.lines().subList(before, collecting.lines().size());
        return new Outcome(lines, error, failed);
    }

    /**
     * One call on the emitter.
     *
     * @throws UnsupportedOperationException for values the Java API cannot take (outputs that are not a map)
     */
    @SuppressWarnings("unchecked")
    public static void make(Call call, Emitter emitter) {
        Map<String, Object> a = call.args();
        switch (call.verb()) {
            case "outputs" -> emitter.outputs(map(a.get("values")));
            case "assets" -> emitter.assets(map(a.get("values")));
            case "counter", "gauge", "timer" -> emitter.metric(MetricType.fromWireName(call.verb()), (String) a.get("name"),
                    a.get("value"), (Map<String, ?>) a.get("tags"));
            case "log" -> emitter.log(a.get("level") == null ? null : LogLevel.valueOf((String) a.get("level")),
                    (List<String>) a.get("messages"));
            default -> throw new IllegalArgumentException("unknown verb " + call.verb());
        }
    }

    /**
     * The Java API takes a Map (or null): a vector that passes a list or a string as {@code values} cannot be played
     * in Java (its {@code languages.java} note says so).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object v) {
        if (v != null && !(v instanceof Map)) {
            throw new UnsupportedOperationException("the Java API takes a Map, not " + v.getClass().getName());
        }
        return (Map<String, ?>) v;
    }
}
