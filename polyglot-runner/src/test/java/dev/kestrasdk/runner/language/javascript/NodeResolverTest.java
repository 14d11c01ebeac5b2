package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.ScriptFileSystem;
import dev.kestrasdk.runner.engine.VirtualFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Node's resolution as {@link NodeResolver} does it, over a real folder seen through the script's file system. */
class NodeResolverTest {
    @TempDir
    static Path dir;
    static Path work;
    static NodeResolver resolver;

    @BeforeAll
    static void packages() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        write("node_modules/dual/package.json", """
                {"name": "dual", "main": "./legacy.js", "exports": {
                  ".": {"import": "./esm/index.mjs", "require": "./cjs/index.cjs"},
                  "./sync": {"node": {"import": "./esm/sync.js", "default": "./cjs/sync.js"}},
                  "./features/*": "./src/features/*.js",
                  "./package.json": "./package.json"}}""");
        write("node_modules/dual/esm/index.mjs", "export default 1;");
        write("node_modules/dual/cjs/index.cjs", "module.exports = 1;");
        write("node_modules/dual/esm/sync.js", "export default 1;");
        write("node_modules/dual/esm/package.json", "{\"type\": \"module\"}");
        write("node_modules/dual/cjs/sync.js", "module.exports = 1;");
        write("node_modules/dual/src/features/a.js", "module.exports = 1;");
        write("node_modules/dual/legacy.js", "module.exports = 1;");
        write("node_modules/plain/package.json", "{\"main\": \"lib/main\"}");
        write("node_modules/plain/lib/main.js", "module.exports = 1;");
        write("node_modules/plain/data.json", "{}");
        write("node_modules/noentry/index.js", "module.exports = 1;");
        write("node_modules/@scope/pkg/package.json", "{\"type\": \"module\", \"main\": \"index.js\"}");
        write("node_modules/@scope/pkg/index.js", "export default 1;");
        write("package.json", "{\"type\": \"module\", \"imports\": {\"#config\": \"./config/default.json\"}}");
        write("config/default.json", "{}");
        write("lib/helper.js", "export default 1;");
        write("lib/old.cjs", "module.exports = 1;");
        write("lib/index.js", "export default 1;");
        resolver = new NodeResolver(ScriptFileSystem.forLanguages(work, VirtualFiles.NONE), NodeBuiltins::isBuiltin, List.of());
    }

    private static void write(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String resolve(String specifier, boolean esm) throws NodeResolver.ResolveException {
        NodeResolver.Resolved r = resolver.resolve(specifier, work, esm);
        return r.format() + " " + (r.builtin() != null ? r.builtin() : work.relativize(r.file()).toString());
    }

    @Test
    void exportsConditionsPickTheImportOrTheRequireFileInThePackagesOrder() throws Exception {
        assertEquals("MODULE node_modules/dual/esm/index.mjs", resolve("dual", true));
        assertEquals("COMMONJS node_modules/dual/cjs/index.cjs", resolve("dual", false));
        assertEquals("MODULE node_modules/dual/esm/sync.js", resolve("dual/sync", true));
        assertEquals("COMMONJS node_modules/dual/cjs/sync.js", resolve("dual/sync", false));
        assertEquals("COMMONJS node_modules/dual/src/features/a.js", resolve("dual/features/a", false));
        assertEquals("JSON node_modules/dual/package.json", resolve("dual/package.json", false));
    }

    @Test
    void aSubpathTheExportsDoNotNameIsRefusedAsNodeRefusesIt() {
        NodeResolver.ResolveException e = assertThrows(NodeResolver.ResolveException.class,
                () -> resolver.resolve("dual/legacy.js", work, false));
        assertEquals("ERR_PACKAGE_PATH_NOT_EXPORTED", e.code);
        assertEquals("Package subpath './legacy.js' is not defined by \"exports\" in "
                + work.resolve("node_modules/dual/package.json") + " (importing 'dual/legacy.js')", e.getMessage());
    }

    @Test
    void withoutExportsMainThenIndexThenExtensionsAsNode() throws Exception {
        assertEquals("COMMONJS node_modules/plain/lib/main.js", resolve("plain", false));
        assertEquals("JSON node_modules/plain/data.json", resolve("plain/data", false));
        assertEquals("COMMONJS node_modules/noentry/index.js", resolve("noentry", false));
        assertEquals("MODULE node_modules/@scope/pkg/index.js", resolve("@scope/pkg", true));
    }

    @Test
    void formatComesFromTheExtensionThenThePackageScopesType() throws Exception {
        assertEquals("MODULE lib/helper.js", resolve("./lib/helper.js", true));
        assertEquals("COMMONJS lib/old.cjs", resolve("./lib/old.cjs", true));
        assertEquals("MODULE lib/index.js", resolve("./lib", false));
        assertEquals("JSON config/default.json", resolve("#config", true));
    }

    @Test
    void builtinsWithAndWithoutTheNodePrefix() throws Exception {
        assertEquals("BUILTIN fs", resolve("node:fs", true));
        assertEquals("BUILTIN path", resolve("path", false));
        assertEquals("BUILTIN child_process", resolve("child_process", false));
        NodeResolver.ResolveException e = assertThrows(NodeResolver.ResolveException.class,
                () -> resolver.resolve("node:nope", work, false));
        assertEquals("ERR_UNKNOWN_BUILTIN_MODULE", e.code);
        assertEquals("No such built-in module: node:nope", e.getMessage());
    }

    @Test
    void aMissingPackageIsNodesModuleNotFoundAndAPathOutsideIsAccessDenied() {
        NodeResolver.ResolveException missing = assertThrows(NodeResolver.ResolveException.class,
                () -> resolver.resolve("left-pad", work, false));
        assertEquals("MODULE_NOT_FOUND", missing.code);
        assertEquals("Cannot find module 'left-pad'", missing.getMessage());
        NodeResolver.ResolveException outside = assertThrows(NodeResolver.ResolveException.class,
                () -> resolver.resolve("/etc/passwd", work, false));
        assertEquals("ACCESS_DENIED", outside.code);
        assertEquals("Cannot load module: '/etc/passwd'", outside.getMessage());
    }

    @Test
    void theBuiltInLibrariesResolveFromTheirWebJars() throws Exception {
        NodeResolver libraries = new NodeResolver(ScriptFileSystem.forLanguages(work, new NodeLibraries()),
                NodeBuiltins::isBuiltin, List.of());
        assertEquals(Path.of("/__kestra_sdk_node__/node_modules/readable-stream/readable-browser.js"),
                libraries.resolveFile("readable-stream", NodeLibraries.ROOT, false).file());
        assertEquals(Path.of("/__kestra_sdk_node__/node_modules/path-browserify/index.js"),
                libraries.resolveFile(NodeBuiltins.entry("path"), NodeLibraries.ROOT, false).file());
        assertEquals(Path.of("/__kestra_sdk_node__/lib/fs.js"),
                libraries.resolveFile(NodeBuiltins.entry("fs"), NodeLibraries.ROOT, false).file());
    }
}
