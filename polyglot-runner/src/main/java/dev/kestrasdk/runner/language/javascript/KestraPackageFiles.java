package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.ResourceText;
import dev.kestrasdk.runner.engine.VirtualFiles;

import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the package {@code @kestra-io/libs} ({@code package.json} with {@code "main": "index.cjs"}, and
 * {@code index.cjs}) from the jar at {@code node_modules/@kestra-io/libs} under every directory, so both
 * {@code require('@kestra-io/libs')} and {@code import ... from '@kestra-io/libs'} find it wherever the script
 * is, and it replaces an npm-installed copy. {@code main} is a {@code .cjs} file because GraalJS's ES module
 * loader refuses a CommonJS {@code .js} main and any {@code exports} field.
 *
 * <p>Its {@code otel.cjs} is the native SDK's OpenTelemetry exporters as they are (sdks/javascript/src, copied into
 * the jar by the build), found as {@code @kestra-io/libs/otel} by Node's extension probing; the {@code emitter.cjs}
 * it requires is the runner's, which writes each line through the bridge. Its OpenTelemetry packages are the
 * script's own (its {@code node_modules}, or {@code --npm}).
 */
final class KestraPackageFiles implements VirtualFiles {
    private static final Path PACKAGE = Path.of("node_modules", "@kestra-io", "libs");
    private static final Map<String, byte[]> FILES = Map.of(
            "package.json", ResourceText.bytes(KestraPackageFiles.class, "package.json"),
            "index.cjs", ResourceText.bytes(KestraPackageFiles.class, "index.cjs"),
            "otel.cjs", ResourceText.bytes(KestraPackageFiles.class, "otel.cjs"),
            "emitter.cjs", ResourceText.bytes(KestraPackageFiles.class, "emitter.cjs"));

    @Override
    public byte[] file(Path path) {
        Path parent = path.getParent();
        if (parent == null || path.getFileName() == null || !parent.endsWith(PACKAGE)) {
            return null;
        }
        return FILES.get(path.getFileName().toString());
    }

    @Override
    public boolean isDirectory(Path path) {
        for (int i = 1; i <= PACKAGE.getNameCount(); i++) {
            if (path.endsWith(PACKAGE.subpath(0, i))) {
                return true;
            }
        }
        return false;
    }
}
