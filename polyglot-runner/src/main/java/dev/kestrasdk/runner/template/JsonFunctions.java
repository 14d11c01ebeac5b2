package dev.kestrasdk.runner.template;

import dev.kestrasdk.runner.json.ToolJson;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;

/**
 * Kestra's JSON filter and function: {@code value | toJson} writes any value as JSON ({@code null} as
 * {@code null}); {@code fromJson(text)} reads a JSON text into maps and lists. Kestra's older names {@code json}
 * (the filter) and {@code json(text)} (the function) do the same.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    static final class ToJson implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String json = KestraJson.write(input);
            RenderBudget budget = RenderBudget.current();
            if (budget != null) {
                budget.value(json.length(), line);
            }
            return json;
        }
    }

    static final class FromJson implements Function {
        private final String name;

        FromJson(String name) {
            this.name = name;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("json");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object text = args.get("json");
            if (text == null) {
                return null;
            }
            if (!(text instanceof String s)) {
                throw new PebbleException(null, name + "(): expected a JSON text, got " + text.getClass().getSimpleName(), line, null);
            }
            try {
                return ToolJson.read(s);
            } catch (IllegalArgumentException e) {
                throw new PebbleException(null, name + "(): not valid JSON: " + e.getMessage(), line, null);
            }
        }
    }
}
