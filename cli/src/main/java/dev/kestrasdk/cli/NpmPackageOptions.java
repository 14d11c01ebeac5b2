package dev.kestrasdk.cli;

import dev.kestrasdk.runner.language.javascript.NpmPackages;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code run}'s option for a JavaScript script's npm packages (docs/javascript.md, "Packages"), besides the
 * {@code package.json} beside it, which is read without options.
 */
final class NpmPackageOptions {
    @Option(names = "--npm", paramLabel = "PKG",
            description = "an npm package for a JavaScript script: lodash, dayjs@^1.11 (repeatable; with a package.json"
                    + " beside the script, added to its dependencies)")
    List<String> npm = new ArrayList<>();

    boolean isEmpty() {
        return npm.isEmpty();
    }

    /** The packages these options name, in the order given. */
    NpmPackages packages() {
        NpmPackages all = NpmPackages.NONE;
        for (String spec : npm) {
            try {
                all = all.plus(NpmPackages.of(spec));
            } catch (IllegalArgumentException e) {
                throw new UserError("--npm " + spec + ": " + e.getMessage());
            }
        }
        return all;
    }
}
