package dev.kestrasdk.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a script is started, as a process runner would start it: the name it is invoked as, its command-line
 * arguments, its environment variables, and whether its text is rendered as a template first.
 *
 * @param invokedAs   the script's name as given on the command line (Python's {@code sys.argv[0]}), or {@code null}
 *                    for the request's source name
 * @param arguments   the arguments after the script's name
 * @param environment the environment variables the script is given (see {@link ScriptRequest#withEnvironment})
 * @param render      whether the text is rendered with Kestra's template syntax before it runs
 */
public record ScriptLaunch(String invokedAs, List<String> arguments, Map<String, String> environment, boolean render) {
    /** No arguments, no environment variables, rendered. */
    public static final ScriptLaunch DEFAULT = new ScriptLaunch(null, List.of(), Map.of(), true);

    public ScriptLaunch {
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        Objects.requireNonNull(environment, "environment").forEach((k, v) -> {
            Objects.requireNonNull(k, "environment variable name");
            Objects.requireNonNull(v, () -> "environment variable " + k);
            if (k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0 || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("environment variable '" + k + "': a name must be non-empty without"
                        + " '=' or NUL, a value without NUL");
            }
        });
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    public ScriptLaunch invokedAs(String name) {
        return new ScriptLaunch(name, arguments, environment, render);
    }

    public ScriptLaunch withArguments(List<String> newArguments) {
        return new ScriptLaunch(invokedAs, newArguments, environment, render);
    }

    public ScriptLaunch withEnvironment(Map<String, String> newEnvironment) {
        return new ScriptLaunch(invokedAs, arguments, newEnvironment, render);
    }

    public ScriptLaunch withRendering(boolean newRender) {
        return new ScriptLaunch(invokedAs, arguments, environment, newRender);
    }
}
