package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.conformance.adapter.JavaSdkAdapter;
import dev.kestrasdk.conformance.adapter.PolyglotBindingAdapter;
import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.process.ChildJvm;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The adapters this project ships (docs/conformance.md): {@code java} (this project's SDK in a child JVM),
 * {@code graaljs} and {@code graalpy} (this project's JavaScript and Python bindings, in the polyglot runner of a
 * child JVM), {@code node} ({@code @kestra-io/libs} on Node), {@code python} (PyPI {@code kestra} in the peers' venv)
 * and the native SDKs of sdks/: {@code native-python} (on CPython, in the venv sdks/install makes), {@code native-js}
 * (on {@code node}) and {@code native-go} (built and run by {@code go run}).
 */
public final class ShippedAdapters {
    /** A shipped adapter: its short name, the SDK name used in reports and known-deviations files, its command. */
    public record Adapter(String shortName, String sdk, AdapterCommand command) {
    }

    /** {@code java}, this project's bindings by name ({@code graaljs}, {@code graalpy}: one per registered language), the peers. */
    public static final List<String> NAMES = names();

    private ShippedAdapters() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("java"));
        Languages.all().stream().map(l -> l.callSyntax().adapterName()).sorted().forEach(names::add);
        names.addAll(List.of("node", "python", "native-python", "native-js", "native-go"));
        return List.copyOf(names);
    }

    /** The registered language whose binding the adapter {@code shortName} runs, if it is one. */
    private static Optional<GuestLanguage> binding(String shortName) {
        return Languages.all().stream().filter(l -> l.callSyntax().adapterName().equals(shortName)).findFirst();
    }

    /**
     * The adapter called {@code shortName}, with paths resolved against the repository.
     *
     * @throws IllegalStateException when its peer is not installed (with the command that installs it)
     */
    public static Adapter get(String shortName) {
        Optional<GuestLanguage> binding = binding(shortName);
        if (binding.isPresent()) {
            // this project's binding of the language, in the polyglot runner of a child JVM
            return new Adapter(shortName, binding.get().callSyntax().sdkName(),
                    childJvm(System.getProperty("java.class.path"), PolyglotBindingAdapter.class.getName(), binding.get().name()));
        }
        return switch (shortName) {
            case "java" -> new Adapter("java", "java-sdk", childJvm(javaClassPath(), JavaSdkAdapter.class.getName()));
            case "node" -> {
                Path dir = repository().resolve("conformance-tests/adapters/node");
                if (!Files.isDirectory(dir.resolve("node_modules/@kestra-io/libs"))) {
                    throw notInstalled("@kestra-io/libs is not installed in " + dir.resolve("node_modules"));
                }
                yield new Adapter("node", "node-kestra-libs", AdapterCommand.of(List.of("node", dir.resolve("adapter.js").toString())));
            }
            case "python" -> {
                Path root = repository();
                Path python = root.resolve("conformance-tests/peers/.venv/bin/python");
                if (!Files.isExecutable(python)) {
                    throw notInstalled("the Python venv " + python.getParent().getParent() + " does not exist");
                }
                yield new Adapter("python", "python-kestra", AdapterCommand.of(List.of(python.toString(),
                        root.resolve("conformance-tests/adapters/python/adapter.py").toString())));
            }
            case "native-python" -> {
                Path root = repository();
                Path python = root.resolve("sdks/python/.venv/bin/python");
                if (!Files.isExecutable(python)) {
                    throw new IllegalStateException("the Python venv " + python.getParent().getParent()
                            + " does not exist: run sdks/install (it makes the venv the native SDKs' tests run in)");
                }
                yield new Adapter("native-python", "sdk-python", AdapterCommand.of(List.of(python.toString(),
                        root.resolve("conformance-tests/adapters/native-python/adapter.py").toString())));
            }
            case "native-js" -> new Adapter("native-js", "sdk-javascript", AdapterCommand.of(List.of("node",
                    repository().resolve("conformance-tests/adapters/native-js/adapter.js").toString())));
            case "native-go" -> new Adapter("native-go", "sdk-go", AdapterCommand.of(List.of("go", "run", "-C",
                    repository().resolve("conformance-tests/adapters/native-go").toString(), ".")));
            default -> throw new IllegalArgumentException("unknown shipped adapter " + shortName + " (known: " + NAMES + ")");
        };
    }

    private static IllegalStateException notInstalled(String what) {
        return new IllegalStateException(what + ": run conformance-tests/peers/install (it installs the upstream "
                + "libraries the shipped adapters run: npm ci and a Python venv)");
    }

    /**
     * The repository root: {@code $KESTRA_SDK_HOME} if set, else the first parent of this code's location (a
     * {@code target/classes} directory or a jar in {@code cli/target/lib}) that holds
     * {@code conformance-tests/adapters}, else the working directory's.
     */
    public static Path repository() {
        String home = System.getenv("KESTRA_SDK_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path start : List.of(codeLocation(ShippedAdapters.class), Path.of("").toAbsolutePath())) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("conformance-tests/adapters"))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("cannot find the kestra-sdk repository (no conformance-tests/adapters above "
                + codeLocation(ShippedAdapters.class) + " or the working directory); set KESTRA_SDK_HOME");
    }

    /** The class path a child JVM needs for {@link JavaSdkAdapter}: where it, the SDK, the tools' JSON and Jackson come from. */
    static String javaClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(JavaSdkAdapter.class, Emitter.class, ToolJson.class, com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.annotation.JsonAutoDetect.class)) {
            entries.add(codeLocation(c).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A child of this JVM ({@link ChildJvm}: its java, the project's JVM flags) running {@code mainAndArgs}. */
    private static AdapterCommand childJvm(String classPath, String... mainAndArgs) {
        List<String> command = new ArrayList<>(ChildJvm.command(classPath));
        command.addAll(List.of(mainAndArgs));
        return AdapterCommand.of(command);
    }

    private static Path codeLocation(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
