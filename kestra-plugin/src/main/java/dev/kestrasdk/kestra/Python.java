package dev.kestrasdk.kestra;

import io.kestra.core.exceptions.IllegalVariableEvaluationException;
import io.kestra.core.models.annotations.Example;
import io.kestra.core.models.annotations.Plugin;
import io.kestra.core.models.annotations.PluginProperty;
import io.kestra.core.models.property.Property;
import io.kestra.core.runners.RunContext;
import io.swagger.v3.oas.annotations.media.Schema;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.ToString;
import lombok.experimental.SuperBuilder;

import java.util.List;

@SuperBuilder
@ToString
@EqualsAndHashCode(callSuper = true)
@Getter
@NoArgsConstructor
@Schema(title = "Run a Python script in the worker's JVM (GraalPy), with Kestra's `outputs`, metrics and logs.",
        description = "`from kestra import Kestra` is built in. No process or container is started: the script runs in"
                + " a fresh sandboxed GraalPy context on the worker's one shared engine. Python packages come from"
                + " `dependencies` or the script's PEP 723 block, through the runner's package cache.")
@Plugin(examples = {
        @Example(full = true, title = "Send outputs and a counter with tags; a later task reads the output.", code = """
                id: python_outputs
                namespace: company.team
                tasks:
                  - id: extract
                    type: dev.kestrasdk.kestra.Python
                    script: |
                      from kestra import Kestra
                      rows = 42
                      Kestra.outputs({"rows": rows, "file": "orders.csv"})
                      Kestra.counter("rows", rows, {"file": "orders.csv"})
                  - id: report
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ outputs.extract.vars.rows }} rows from {{ outputs.extract.vars.file }}"
                """),
        @Example(full = true, title = "Write a file that the next task reads from Kestra's internal storage.", code = """
                id: python_files
                namespace: company.team
                tasks:
                  - id: write
                    type: dev.kestrasdk.kestra.Python
                    outputFiles:
                      - out.csv
                    script: |
                      with open("out.csv", "w") as f:
                          f.write("id,total\\n1,9.5\\n")
                  - id: read
                    type: dev.kestrasdk.kestra.Python
                    inputFiles:
                      in.csv: "{{ outputs.write.outputFiles['out.csv'] }}"
                    script: |
                      from kestra import Kestra
                      with open("in.csv") as f:
                          Kestra.outputs({"lines": len(f.read().splitlines())})
                """)
})
public class Python extends PolyglotScript {
    @Schema(title = "Python packages to install before the script runs: pip requirement strings (`requests==2.32.3`).",
            description = "Installed once into the runner's package cache (the worker's `~/.cache/kestra-sdk`, or"
                    + " `$KESTRA_SDK_CACHE`) and reused by later tasks that ask for the same set; a PEP 723 block"
                    + " (`# /// script`) in the script adds its own. Pure-Python packages, and packages with"
                    + " GraalPy wheels.")
    @PluginProperty(dynamic = true)
    private Property<List<String>> dependencies;

    @Override
    protected List<String> dependencies(RunContext runContext) throws IllegalVariableEvaluationException {
        return runContext.render(dependencies).asList(String.class);
    }

    @Override
    protected String languageName() {
        return "python";
    }
}
