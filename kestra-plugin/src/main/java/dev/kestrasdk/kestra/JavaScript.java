package dev.kestrasdk.kestra;

import io.kestra.core.models.annotations.Example;
import io.kestra.core.models.annotations.Plugin;
import io.swagger.v3.oas.annotations.media.Schema;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.ToString;
import lombok.experimental.SuperBuilder;

@SuperBuilder
@ToString
@EqualsAndHashCode(callSuper = true)
@Getter
@NoArgsConstructor
@Schema(title = "Run a JavaScript script in the worker's JVM (GraalJS), with Kestra's `outputs`, metrics and logs.",
        description = "`require('@kestra-io/libs')` and `import Kestra from '@kestra-io/libs'` are built in. No process"
                + " or container is started: the script runs in a fresh sandboxed GraalJS context on the worker's one"
                + " shared engine. Node's built-in modules (`fs`, `http`, ...) are not available.")
@Plugin(examples = {
        @Example(full = true, title = "Send outputs and a timer; a later task reads the output.", code = """
                id: javascript_outputs
                namespace: company.team
                tasks:
                  - id: extract
                    type: dev.kestrasdk.kestra.JavaScript
                    script: |
                      const Kestra = require('@kestra-io/libs');
                      const start = Date.now();
                      Kestra.outputs({ rows: 42 });
                      Kestra.timer('load', (Date.now() - start) / 1000, { source: 'api' });
                  - id: report
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ outputs.extract.vars.rows }} rows"
                """)
})
public class JavaScript extends PolyglotScript {
    @Override
    protected String languageName() {
        return "javascript";
    }
}
