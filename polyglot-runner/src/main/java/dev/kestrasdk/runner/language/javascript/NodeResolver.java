package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.json.ToolJson;
import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Node's module resolution, for {@code require} and for {@code import}: built-in names ({@code fs},
 * {@code node:fs}), relative and absolute paths with Node's extension and {@code index} probing, packages found in
 * {@code node_modules} folders up from the importing file (then in extra folders, as Node's {@code NODE_PATH}), with
 * {@code package.json} {@code exports} (subpaths, {@code *} patterns, the conditions {@code require} or
 * {@code import}, {@code node}, {@code default}), {@code imports} ({@code #name}) and {@code main}; and each file's
 * format (CommonJS, ES module, JSON) from its extension and the nearest {@code package.json}'s {@code type}.
 * Every file is looked at through the script's file system, so resolution sees exactly what the script may read.
 */
final class NodeResolver {
    /** What a file is loaded as. */
    enum Format { COMMONJS, MODULE, JSON, BUILTIN }

    /** A resolved module: a built-in's name or a file, with its format. */
    record Resolved(Format format, String builtin, Path file) {
    }

    /** Resolution failed: {@code code} as Node's ({@code MODULE_NOT_FOUND}, ...), or {@code ACCESS_DENIED}. */
    static final class ResolveException extends Exception {
        final String code;

        ResolveException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** The library files that require the module they are part of ({@link #browserReplacement}). */
    private static final Set<String> SELF_REQUIRING = Set.of("./readable.js", "./lib/internal/streams/stream.js");
    private static final List<String> CJS_CONDITIONS = List.of("require", "node", "default");
    private static final List<String> ESM_CONDITIONS = List.of("import", "node", "default");

    private final FileSystem files;
    private final Predicate<String> isBuiltin;
    private final List<Path> globalFolders;
    private final Map<Path, Object> packageJsonCache = new HashMap<>();
    private boolean denied;

    /**
     * @param files         the script's file system
     * @param isBuiltin     whether a name (without {@code node:}) is one of Node's built-in modules
     * @param globalFolders {@code node_modules} folders searched after those up from the importing file
     */
    NodeResolver(FileSystem files, Predicate<String> isBuiltin, List<Path> globalFolders) {
        this.files = files;
        this.isBuiltin = isBuiltin;
        this.globalFolders = List.copyOf(globalFolders);
    }

    Resolved resolve(String specifier, Path fromDirectory, boolean esm) throws ResolveException {
        denied = false;
        String name = specifier.startsWith("node:") ? specifier.substring(5) : specifier;
        if (isBuiltin.test(name)) {
            return new Resolved(Format.BUILTIN, name, null);
        }
        if (specifier.startsWith("node:")) {
            throw new ResolveException("ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: " + specifier);
        }
        return resolveFile(specifier, fromDirectory, esm);
    }

    /** As {@link #resolve}, for a file only: a package named as a built-in module is looked for in node_modules. */
    Resolved resolveFile(String specifier, Path fromDirectory, boolean esm) throws ResolveException {
        denied = false;
        List<String> conditions = esm ? ESM_CONDITIONS : CJS_CONDITIONS;
        Path file;
        if (specifier.startsWith("file://")) {
            file = fileOrDirectory(Path.of(java.net.URI.create(specifier)));
        } else if (isPath(specifier)) {
            file = fileOrDirectory(fromDirectory.resolve(specifier).normalize());
        } else if (specifier.startsWith("#")) {
            file = packageImports(specifier, fromDirectory, conditions);
        } else {
            file = nodeModules(specifier, fromDirectory, conditions);
        }
        if (file == null) {
            if (denied) {
                throw new ResolveException("ACCESS_DENIED", "Cannot load module: '" + specifier + "'");
            }
            throw new ResolveException("MODULE_NOT_FOUND", "Cannot find module '" + specifier + "'");
        }
        if (file.startsWith(NodeLibraries.ROOT)) {
            file = browserReplacement(file);
        }
        return new Resolved(format(file), null, file);
    }

    /**
     * The runner's built-in libraries are npm packages written for browsers and Node alike; where a file of theirs
     * would require the Node module it implements, their package.json {@code browser} map names the one that does
     * not (readable-stream's {@code stream.js} requires {@code stream}, which is readable-stream itself).
     */
    private Path browserReplacement(Path file) {
        Path scope = packageScope(file.getParent());
        Object browser = scope == null ? null : member(packageJson(scope), "browser");
        String key = scope == null ? null : "./" + scope.relativize(file);
        if (browser instanceof Map<?, ?> map && SELF_REQUIRING.contains(key)) {
            Object replacement = map.get(key);
            if (replacement instanceof String r && isFile(scope.resolve(r).normalize())) {
                return scope.resolve(r).normalize();
            }
        }
        return file;
    }

    private static boolean isPath(String s) {
        return s.equals(".") || s.equals("..") || s.startsWith("./") || s.startsWith("../") || s.startsWith("/");
    }

    /** Node's LOAD_AS_FILE, then LOAD_AS_DIRECTORY. */
    private Path fileOrDirectory(Path x) throws ResolveException {
        Path file = asFile(x);
        return file != null ? file : asDirectory(x);
    }

    private Path asFile(Path x) {
        if (isFile(x)) {
            return x;
        }
        for (String extension : new String[]{".js", ".json", ".cjs", ".mjs"}) {
            Path candidate = x.resolveSibling(x.getFileName() + extension);
            if (isFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Path asDirectory(Path x) throws ResolveException {
        if (!isDirectory(x)) {
            return null;
        }
        Object main = member(packageJson(x), "main");
        if (main instanceof String m && !m.isEmpty()) {
            Path target = x.resolve(m).normalize();
            Path file = asFile(target);
            if (file == null) {
                file = index(target);
            }
            if (file != null) {
                return file;
            }
        }
        return index(x);
    }

    private Path index(Path x) {
        for (String name : new String[]{"index.js", "index.json"}) {
            if (isFile(x.resolve(name))) {
                return x.resolve(name);
            }
        }
        return null;
    }

    /** Node's LOAD_NODE_MODULES: the node_modules folders up from the importing file, then the global folders. */
    private Path nodeModules(String specifier, Path fromDirectory, List<String> conditions) throws ResolveException {
        int slash = specifier.indexOf('/');
        if (specifier.startsWith("@")) {
            slash = slash < 0 ? -1 : specifier.indexOf('/', slash + 1);
        }
        String packageName = slash < 0 ? specifier : specifier.substring(0, slash);
        String subpath = slash < 0 ? "." : "." + specifier.substring(slash);
        List<Path> folders = new ArrayList<>();
        for (Path dir = fromDirectory; dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
                continue;
            }
            folders.add(dir.resolve("node_modules"));
        }
        folders.addAll(globalFolders);
        for (Path folder : folders) {
            Path packageDirectory = folder.resolve(packageName);
            if (!isDirectory(packageDirectory)) {
                continue;
            }
            Object exports = member(packageJson(packageDirectory), "exports");
            if (exports != null) {
                return packageExports(packageDirectory, subpath, exports, conditions, specifier);
            }
            Path file = fileOrDirectory(folder.resolve(specifier).normalize());
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    /** Node's PACKAGE_EXPORTS_RESOLVE. */
    private Path packageExports(Path packageDirectory, String subpath, Object exports, List<String> conditions,
                                String specifier) throws ResolveException {
        return subpathTarget(packageDirectory, subpath, subpathMap(exports), conditions, specifier, "exports");
    }

    /** The target of {@code subpath} in a map of subpaths ({@code exports}) or of {@code #names} ({@code imports}). */
    private Path subpathTarget(Path packageDirectory, String subpath, Map<String, Object> map, List<String> conditions,
                               String specifier, String field) throws ResolveException {
        Object target = map.get(subpath);
        String star = null;
        if (target == null) {
            String best = null;
            for (String key : map.keySet()) {
                int at = key.indexOf('*');
                if (at >= 0 && subpath.startsWith(key.substring(0, at)) && subpath.endsWith(key.substring(at + 1))
                        && subpath.length() >= key.length() - 1 && (best == null || key.length() > best.length())) {
                    best = key;
                }
            }
            if (best != null) {
                int at = best.indexOf('*');
                star = subpath.substring(at, subpath.length() - (best.length() - at - 1));
                target = map.get(best);
            }
        }
        Path file = target == null ? null : target(packageDirectory, target, star, conditions);
        if (file == null) {
            throw new ResolveException(field.equals("exports") ? "ERR_PACKAGE_PATH_NOT_EXPORTED"
                    : "ERR_PACKAGE_IMPORT_NOT_DEFINED", "Package " + (field.equals("exports") ? "subpath '" : "import specifier '")
                    + subpath + "' is not defined by \"" + field + "\" in " + packageDirectory.resolve("package.json")
                    + " (importing '" + specifier + "')");
        }
        return file;
    }

    /** {@code "exports"} as a map from subpaths: a string, an array or a map of conditions is the "." entry. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> subpathMap(Object exports) {
        if (exports instanceof Map<?, ?> m && !m.isEmpty() && m.keySet().iterator().next().toString().startsWith(".")) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> single = new HashMap<>();
        single.put(".", exports);
        return single;
    }

    /** Node's PACKAGE_TARGET_RESOLVE: a path, an array of alternatives, or conditions in the package's order. */
    private Path target(Path packageDirectory, Object target, String star, List<String> conditions) {
        if (target instanceof String s) {
            if (!s.startsWith("./")) {
                return null;
            }
            Path file = packageDirectory.resolve(star == null ? s : s.replace("*", star)).normalize();
            return file.startsWith(packageDirectory) && isFile(file) ? file : null;
        }
        if (target instanceof List<?> alternatives) {
            for (Object alternative : alternatives) {
                Path file = target(packageDirectory, alternative, star, conditions);
                if (file != null) {
                    return file;
                }
            }
            return null;
        }
        if (target instanceof Map<?, ?> byCondition) {
            for (Map.Entry<?, ?> e : byCondition.entrySet()) {
                if (conditions.contains(String.valueOf(e.getKey()))) {
                    Path file = target(packageDirectory, e.getValue(), star, conditions);
                    if (file != null) {
                        return file;
                    }
                }
            }
        }
        return null;
    }

    /** Node's PACKAGE_IMPORTS_RESOLVE: {@code #name} from the nearest package.json's {@code imports}. */
    private Path packageImports(String specifier, Path fromDirectory, List<String> conditions) throws ResolveException {
        Path scope = packageScope(fromDirectory);
        Object imports = scope == null ? null : member(packageJson(scope), "imports");
        if (!(imports instanceof Map<?, ?> map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> names = (Map<String, Object>) map;
        return subpathTarget(scope, specifier, names, conditions, specifier, "imports");
    }

    /** CommonJS, an ES module or JSON, as Node tells from the extension and the package scope's {@code type}. */
    Format format(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".mjs")) {
            return Format.MODULE;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".js")) {
            Path scope = packageScope(file.getParent());
            if (scope != null && "module".equals(member(packageJson(scope), "type"))) {
                return Format.MODULE;
            }
        }
        return Format.COMMONJS;
    }

    /** The nearest folder up from {@code dir} with a package.json, not looking past a node_modules folder. */
    private Path packageScope(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) {
                return null;
            }
            if (isFile(d.resolve("package.json"))) {
                return d;
            }
        }
        return null;
    }

    private Object packageJson(Path directory) {
        return packageJsonCache.computeIfAbsent(directory, d -> {
            Path file = d.resolve("package.json");
            if (!isFile(file)) {
                return Map.of();
            }
            try {
                return ToolJson.read(text(file));
            } catch (IOException | RuntimeException e) {
                return Map.of(); // as Node, which reports a broken package.json only when it needs a field of it
            }
        });
    }

    private static Object member(Object json, String name) {
        return json instanceof Map<?, ?> m ? m.get(name) : null;
    }

    String text(Path file) throws IOException {
        try (SeekableByteChannel channel = files.newByteChannel(file, Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(channel.size(), 16)));
            while (channel.read(buffer) > 0) {
                if (!buffer.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    boolean isFile(Path p) {
        return Boolean.TRUE.equals(attribute(p, "isRegularFile"));
    }

    boolean isDirectory(Path p) {
        return Boolean.TRUE.equals(attribute(p, "isDirectory"));
    }

    private Object attribute(Path p, String name) {
        try {
            return files.readAttributes(p, name).get(name);
        } catch (AccessDeniedException e) {
            denied = true;
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
