package dev.kestrasdk.bench;

import io.kestra.core.models.tasks.runners.TaskLogLineMatcher;

import java.util.Optional;

/**
 * Kestra 1.3's reading of a line, the parser's peer: {@link TaskLogLineMatcher}'s pattern and its Jackson
 * {@code ObjectMapper} reading the payload into its {@code TaskLogMatch}, as Kestra does for every line of a
 * script task (without the RunContext side effects that follow).
 */
public final class KestraReader extends TaskLogLineMatcher {
    public static final KestraReader INSTANCE = new KestraReader();

    /** The TaskLogMatch, null for an ordinary line, or the exception for a rejected line. */
    public Object read(String line) {
        Optional<String> payload = matches(line);
        if (payload.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readValue(payload.get(), TaskLogMatch.class);
        } catch (Exception e) {
            return e;
        }
    }
}
