package dev.kestrasdk.cli;

import dev.kestrasdk.runner.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code kestra-sdk prepare}: GraalPy's standard library compiled to bytecode in the resource cache, once per cache
 * (the warm runner does it in the background when it first starts; this does it now, for example while building a
 * machine image, so that the first direct run already reads bytecode).
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Compile GraalPy's standard library to bytecode in the runner's resource cache (once per cache; the warm runner also does it in the background).")
final class PrepareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ScriptRunner runner = new ScriptRunner()) {
            spec.commandLine().getErr().println("kestra-sdk: " + runner.compilePythonStandardLibrary());
        }
        return ExitCodes.OK;
    }
}
