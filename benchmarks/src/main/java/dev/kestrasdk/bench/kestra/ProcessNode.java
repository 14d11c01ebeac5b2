package dev.kestrasdk.bench.kestra;

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
@Schema(title = "Benchmark peer: a JavaScript script as a process per task (`node <file>`), as Kestra's Node Script task runs it.")
@Plugin
public class ProcessNode extends ProcessScript {
    @Override
    protected String interpreter() {
        return "node";
    }

    @Override
    protected String extension() {
        return ".js";
    }
}
