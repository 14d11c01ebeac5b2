package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.operator.BinaryOperator;

import java.util.List;
import java.util.Map;

/** The functions, filters and operators of Kestra's templates that scripts use most (docs/runner.md, "Template context"). */
final class KestraExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("toJson", new JsonFunctions.ToJson(), "json", new JsonFunctions.ToJson(),
                "jq", new JqFilter(), "date", new DateFunctions.DateFilter());
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("now", new DateFunctions.Now(), "fromJson", new JsonFunctions.FromJson("fromJson"),
                "json", new JsonFunctions.FromJson("json"), "read", new ContextFunctions.Read(),
                "secret", new ContextFunctions.Secret(), "kv", new ContextFunctions.Kv());
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return CoalescingOperators.all();
    }
}
