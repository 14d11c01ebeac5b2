package dev.kestrasdk.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kestrasdk.runner.json.ToolJson;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kestra's {@code value | jq('expression')} on jackson-jq (jq 1.6's language, as Kestra): a string is read as
 * JSON, any other value taken as it is; the result is always the list of everything the expression emits
 * ({@code | first} takes one). A null input gives null.
 */
final class JqFilter implements Filter {
    /** jq's built-in functions, loaded on first use: loading them takes most of a second, and most scripts use no jq. */
    private static final class Builtins {
        static final Scope SCOPE = load();

        private static Scope load() {
            Scope scope = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
            return scope;
        }
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of("expression");
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        if (input == null) {
            return null;
        }
        if (!(args.get("expression") instanceof String expression)) {
            throw new PebbleException(null, "jq: expected an expression, as in jq('.items[0]')", line, null);
        }
        JsonNode in;
        try {
            in = KestraJson.tree(input instanceof String s ? ToolJson.read(s) : input);
        } catch (IllegalArgumentException e) {
            throw new PebbleException(null, "jq('" + expression + "'): the input is not JSON: " + e.getMessage(), line, null);
        }
        List<Object> out = new ArrayList<>();
        try {
            JsonQuery.compile(expression, Versions.JQ_1_6).apply(Scope.newChildScope(Builtins.SCOPE), in,
                    v -> out.add(KestraJson.value(v)));
        } catch (JsonQueryException e) {
            throw new PebbleException(null, "jq('" + expression + "'): " + e.getMessage(), line, null);
        }
        return out;
    }
}
