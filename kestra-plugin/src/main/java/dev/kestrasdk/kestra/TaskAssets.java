package dev.kestrasdk.kestra;

import io.kestra.core.runners.AssetEmit;
import io.kestra.core.runners.RunContext;
import io.kestra.core.serializers.JacksonMapper;

import java.util.Map;

/**
 * A script's {@code Kestra.assets(...)} passed to Kestra's asset emitter, read as Kestra reads the {@code assets}
 * of a process script's line (its JSON mapper into an {@link AssetEmit}); Kestra 1.3 and 2.0 both have the emitter.
 * Kestra 1.3's open-source emitter refuses every emission ({@code UnsupportedOperationException}): as for a process
 * script, the task logs a warning and goes on.
 */
final class TaskAssets {
    private TaskAssets() {
    }

    /** Emits one {@code assets} message; one Kestra would refuse is a WARN line of the task naming why, as Kestra logs it. */
    static void emit(RunContext runContext, Map<String, Object> assets) {
        try {
            runContext.assets().emit(JacksonMapper.ofJson(false).convertValue(assets, AssetEmit.class));
        } catch (Exception e) {
            runContext.logger().warn("assets not emitted ({}): {}", String.valueOf(e).lines().findFirst().orElse("?"),
                    assets);
        }
    }
}
