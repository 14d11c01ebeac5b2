package dev.kestrasdk.cli;

import dev.kestrasdk.runner.template.TemplateContext;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code run}'s options for Kestra's template context (docs/runner.md, "Template context"). */
final class TemplateOptions {
    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "a flow variable, {{ vars.NAME }} (repeatable); VALUE is read as JSON when it is valid JSON, else as a string")
    List<String> vars = new ArrayList<>();

    @Option(names = "--outputs", paramLabel = "TASK=FILE",
            description = "an earlier task's outputs (repeatable): a `run --json` result gives {{ outputs.TASK.vars.x }} and "
                    + "{{ outputs.TASK.exitCode }}; any other JSON object is taken as the task's outputs")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "NAME=VALUE",
            description = "a secret for {{ secret('NAME') }} (repeatable); else SECRET_NAME in the environment, base64")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--kv", paramLabel = "KEY=VALUE", description = "a KV store entry for {{ kv('KEY') }} (repeatable; JSON as --input)")
    List<String> kv = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME=VALUE", description = "an execution label, {{ labels.NAME }} (repeatable)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--trigger", paramLabel = "NAME=VALUE", description = "a trigger variable, {{ trigger.NAME }} (repeatable; JSON as --input)")
    List<String> trigger = new ArrayList<>();

    @Option(names = "--taskrun", paramLabel = "NAME=VALUE",
            description = "sets {{ taskrun.NAME }}, e.g. value=file_3.parquet for a loop's value (repeatable; JSON as --input)")
    List<String> taskrun = new ArrayList<>();

    TemplateContext context() {
        Map<String, String> secretValues = new LinkedHashMap<>();
        InputOptions.namedValues("--secret", "secret", "API_TOKEN=abc", secrets, false)
                .forEach((k, v) -> secretValues.put(k, (String) v));
        return TemplateContext.local()
                .withVars(InputOptions.namedValues("--var", "variable", "file=orders.csv", vars, true))
                .withOutputs(outputs())
                .withSecrets(secretValues)
                .withKv(InputOptions.namedValues("--kv", "key", "index=1", kv, true))
                .withLabels(InputOptions.namedValues("--label", "label", "team=data", labels, false))
                .withTrigger(InputOptions.namedValues("--trigger", "trigger variable", "date=2026-11-30T08:00:00Z", trigger, true))
                .withTaskrun(InputOptions.namedValues("--taskrun", "task-run variable", "value=file_3.parquet", taskrun, true));
    }

    private Map<String, Object> outputs() {
        Map<String, Object> byTask = new LinkedHashMap<>();
        InputOptions.namedValues("--outputs", "task", "extract=extract.json", outputs, false).forEach((task, file) -> {
            Path path = Path.of((String) file);
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError("--outputs " + task + "=" + file + ": no such file");
            } catch (IOException e) {
                throw new UserError("--outputs " + task + "=" + file + ": " + e.getMessage());
            }
            Object json;
            try {
                json = InputOptions.parseJson(text);
            } catch (UserError e) {
                throw new UserError("--outputs " + task + "=" + file + ": " + e.getMessage());
            }
            if (!(json instanceof Map<?, ?> map)) {
                throw new UserError("--outputs " + task + "=" + file + ": expected a JSON object (a `run --json` result or the task's outputs)");
            }
            byTask.put(task, taskOutputs(map));
        });
        return byTask;
    }

    /** A script task's outputs as Kestra gives them to later tasks: {@code vars} (what it sent) and {@code exitCode}. */
    private static Object taskOutputs(Map<?, ?> json) {
        if (json.get("outputs") instanceof Map<?, ?> vars && json.get("exitCode") instanceof Number exitCode && json.containsKey("status")) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("vars", vars);
            outputs.put("exitCode", exitCode);
            return outputs;
        }
        return json;
    }
}
