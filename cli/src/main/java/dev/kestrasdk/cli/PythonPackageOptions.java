package dev.kestrasdk.cli;

import dev.kestrasdk.runner.language.python.PythonDependencies;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run}'s options for a Python script's PyPI packages (docs/python.md, "Packages"), besides its PEP 723 block
 * and a {@code requirements.txt} beside it, which are read without options.
 */
final class PythonPackageOptions {
    @Option(names = "--requirements", paramLabel = "FILE",
            description = "a Python script's packages, one requirement a line as pip reads them (repeatable)")
    List<Path> requirementFiles = new ArrayList<>();

    @Option(names = "--with", paramLabel = "PKG",
            description = "a PyPI package for a Python script: requests, Faker==33.1.0 (repeatable)")
    List<String> with = new ArrayList<>();

    boolean isEmpty() {
        return requirementFiles.isEmpty() && with.isEmpty();
    }

    /** The packages these options name: the files' first, then the {@code --with} ones. */
    PythonDependencies dependencies() {
        PythonDependencies all = PythonDependencies.NONE;
        for (Path file : requirementFiles) {
            try {
                all = all.plus(PythonDependencies.fromRequirementsFile(file));
            } catch (IllegalArgumentException e) {
                throw new UserError("--requirements " + e.getMessage());
            }
        }
        for (String requirement : with) {
            try {
                all = all.plus(PythonDependencies.of(requirement));
            } catch (IllegalArgumentException e) {
                throw new UserError("--with " + requirement + ": " + e.getMessage());
            }
        }
        return all;
    }
}
