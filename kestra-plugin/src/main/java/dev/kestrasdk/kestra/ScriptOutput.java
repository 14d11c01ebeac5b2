package dev.kestrasdk.kestra;

import io.swagger.v3.oas.annotations.media.Schema;
import lombok.Builder;
import lombok.Getter;

import java.net.URI;
import java.util.Map;

/** What a script task leaves for later tasks, named as Kestra's own script tasks name it. */
@Builder
@Getter
public class ScriptOutput implements io.kestra.core.models.tasks.Output {
    @Schema(title = "The outputs the script sent with `Kestra.outputs(...)`: `{{ outputs.<task>.vars.<key> }}`.")
    private final Map<String, Object> vars;

    @Schema(title = "The script's exit code: 0 on success, the code of `sys.exit(n)` / `process.exit(n)` (its low 8 bits), 1 for an uncaught error, 124 after a timeout.")
    private final int exitCode;

    @Schema(title = "The files of `outputFiles`, in Kestra's internal storage: `{{ outputs.<task>.outputFiles['name'] }}`.")
    private final Map<String, URI> outputFiles;
}
