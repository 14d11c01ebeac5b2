package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.VirtualFiles;
import dev.kestrasdk.runner.json.ToolJson;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's ES module resolution, laid under GraalJS's plain ES module loader. That loader asks the file system for the
 * real path of {@code <importing folder>/<specifier>}; this answers with an alias under {@link #ROOT} that says what
 * the specifier resolves to ({@link NodeResolver}) and how to load it, and serves the alias's source:
 * <ul>
 *   <li>{@code ROOT/esm/<path>.mjs}: an ES module, its file as it is (its own imports resolve the same way);</li>
 *   <li>{@code ROOT/cjs/<path>.mjs}: a CommonJS module, as Node imports one: loaded with {@code require}, its
 *       {@code module.exports} the default export and its own enumerable names the named exports;</li>
 *   <li>{@code ROOT/json/<path>}: a JSON module (GraalJS's own), its value the default export;</li>
 *   <li>{@code ROOT/builtin/<name>.mjs}: a built-in module ({@code fs}, {@code node:fs}), as a CommonJS one.</li>
 * </ul>
 * One per script: wrapping a CommonJS module runs it (through the script's {@code require}, as Node does when it
 * evaluates the import), and sources are kept for the script's life.
 */
final class ModuleAliases implements VirtualFiles {
    static final Path ROOT = Path.of("/__kestra_sdk_modules__");
    private static final Path NODE_URIS = ROOT.resolve("node");
    private static final String REQUIRE = "globalThis[Symbol.for('dev.kestrasdk.runner.require')]";

    private final NodeResolver resolver;
    private final NodeBuiltins builtins;
    private final Map<Path, Target> targets = new HashMap<>();
    private final Map<Path, byte[]> sources = new HashMap<>();
    private Value commonJsExports;

    ModuleAliases(NodeResolver resolver, NodeBuiltins builtins) {
        this.resolver = resolver;
        this.builtins = builtins;
    }

    /** The loader's function that loads a CommonJS module or built-in and names its exports ({@code modules.js}). */
    void commonJsExports(Value function) {
        this.commonJsExports = function;
    }

    @Override
    public Path alias(Path path) throws IOException {
        if (!path.isAbsolute() || path.startsWith(NodeLibraries.ROOT) || path.equals(ROOT) || targets.containsKey(path)) {
            return null; // not a module request, or already an alias
        }
        if (path.startsWith(NODE_URIS) && path.getNameCount() > 2) {
            return builtinAlias(NODE_URIS.relativize(path).toString());
        }
        Path requested = path.startsWith(ROOT) && path.getNameCount() > 2
                ? Path.of("/").resolve(path.subpath(2, path.getNameCount())) : path;
        try {
            NodeResolver.Resolved resolved;
            if (resolver.isFile(requested)) {
                resolved = new NodeResolver.Resolved(resolver.format(requested), null, requested);
            } else {
                Path from = requested.getParent();
                while (from != null && !resolver.isDirectory(from)) {
                    from = from.getParent();
                }
                if (from == null) {
                    return null;
                }
                resolved = resolver.resolve(from.relativize(requested).toString(), from, true);
            }
            return resolved.format() == NodeResolver.Format.BUILTIN ? builtinAlias(resolved.builtin()) : aliasOf(resolved);
        } catch (NodeResolver.ResolveException e) {
            if (e.code.equals("ACCESS_DENIED")) {
                return null; // the file system then says what it refuses
            }
            throw new NoSuchFileException(requested.toString(), null, e.getMessage());
        }
    }

    /** A built-in module's alias, or the loader's error saying why the script may not have it. */
    private Path builtinAlias(String name) throws AccessDeniedException {
        String refusal = builtins.refusal(name);
        if (refusal != null) {
            throw new AccessDeniedException(name, null, refusal);
        }
        return aliasOf(new NodeResolver.Resolved(NodeResolver.Format.BUILTIN, name, null));
    }

    /**
     * {@code ROOT/<kind>/<file>.mjs}: the {@code .mjs} makes GraalJS load every alias as an ES module whatever the
     * file's own extension ({@code .json}, {@code .cjs}); imports in an ES module resolve from the alias's folder,
     * which mirrors the file's.
     */
    private Path aliasOf(NodeResolver.Resolved resolved) {
        String kind = switch (resolved.format()) {
            case MODULE -> "esm";
            case COMMONJS -> "cjs";
            case JSON -> "json";
            case BUILTIN -> "builtin";
        };
        String target = resolved.format() == NodeResolver.Format.BUILTIN ? resolved.builtin() : resolved.file().toString();
        // JSON keeps its extension: GraalJS then loads it as a JSON module, as `with { type: 'json' }` asks
        String suffix = resolved.format() == NodeResolver.Format.JSON ? "" : ".mjs";
        Path alias = ROOT.resolve(kind).resolve((resolved.format() == NodeResolver.Format.BUILTIN ? target
                : Path.of("/").relativize(resolved.file()).toString()) + suffix);
        targets.putIfAbsent(alias, new Target(kind, target));
        return alias;
    }

    private record Target(String kind, String target) {
    }

    @Override
    public Path uriPath(URI uri) {
        // node:fs and the like, resolved (or refused) when the loader asks for the real path
        if ("node".equals(uri.getScheme()) && NodeBuiltins.isBuiltin(uri.getSchemeSpecificPart())) {
            return NODE_URIS.resolve(uri.getSchemeSpecificPart());
        }
        return null;
    }

    @Override
    public byte[] file(Path path) {
        Target target = targets.get(path);
        if (target == null) {
            return null;
        }
        byte[] source = sources.get(path);
        if (source == null) {
            source = source(target);
            if (source != null) {
                sources.put(path, source);
            }
        }
        return source;
    }

    private byte[] source(Target target) {
        try {
            String text = switch (target.kind()) {
                case "esm" -> {
                    String module = resolver.text(Path.of(target.target()));
                    yield module == null ? null : ImportMeta.prepended(module, Path.of(target.target()));
                }
                case "json" -> resolver.text(Path.of(target.target()));
                default -> commonJsWrapper(target.target());
            };
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** An ES module whose exports are a CommonJS module's: it is loaded here, to know its names, as Node does. */
    private String commonJsWrapper(String pathOrBuiltin) {
        if (commonJsExports == null) {
            return null;
        }
        String quoted = ToolJson.write(pathOrBuiltin);
        List<String> names;
        try {
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) ToolJson.read(commonJsExports.execute(pathOrBuiltin).asString());
            names = loaded;
        } catch (PolyglotException e) {
            // it failed to load: loading it again when the module is evaluated throws the script its own error
            return REQUIRE + "(" + quoted + ");\nexport default undefined;\n";
        }
        StringBuilder module = new StringBuilder("const m = ").append(REQUIRE).append("(").append(quoted).append(");\n")
                .append("export default m;\n");
        for (int i = 0; i < names.size(); i++) {
            module.append("const e").append(i).append(" = m[").append(ToolJson.write(names.get(i))).append("];\n")
                    .append("export { e").append(i).append(" as ").append(names.get(i)).append(" };\n");
        }
        return module.toString();
    }

    @Override
    public boolean isDirectory(Path path) {
        if (!path.startsWith(ROOT)) {
            return false;
        }
        return path.getNameCount() <= 2 || (!targets.containsKey(path) && !path.getName(1).toString().equals("builtin")
                && resolver.isDirectory(Path.of("/").resolve(path.subpath(2, path.getNameCount()))));
    }

    /**
     * The aliases of the script running on the calling thread. A context's file system is made before the script's
     * loader exists, and GraalJS loads a script's modules on the thread that evaluates it, so this is how the file
     * system finds them; a thread running no script sees none.
     */
    static final VirtualFiles OF_RUNNING_SCRIPT = new VirtualFiles() {
        @Override
        public byte[] file(Path path) {
            ModuleAliases running = RUNNING.get();
            return running == null ? null : running.file(path);
        }

        @Override
        public boolean isDirectory(Path path) {
            ModuleAliases running = RUNNING.get();
            return running != null && running.isDirectory(path);
        }

        @Override
        public Path alias(Path path) throws IOException {
            ModuleAliases running = RUNNING.get();
            return running == null ? null : running.alias(path);
        }

        @Override
        public Path uriPath(URI uri) {
            ModuleAliases running = RUNNING.get();
            return running == null ? null : running.uriPath(uri);
        }
    };
    private static final ThreadLocal<ModuleAliases> RUNNING = new ThreadLocal<>();

    /** Serves this script's modules on the calling thread until {@link #leave()}. */
    void enter() {
        RUNNING.set(this);
    }

    static void leave() {
        RUNNING.remove();
    }
}
