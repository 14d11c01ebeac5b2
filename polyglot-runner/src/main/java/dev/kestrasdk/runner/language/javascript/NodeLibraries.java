package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.VirtualFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources of Node's built-in modules, served read-only from the class path under {@link #ROOT}: npm's own
 * implementations of the modules that need no host ({@code path-browserify}, {@code events}, {@code buffer},
 * {@code readable-stream}, ...), which the build brings in as WebJars, at {@code ROOT/node_modules/<package>}, and the
 * runner's modules ({@code fs}, {@code util}, {@code http}, ...) at {@code ROOT/lib/<name>.js}. Scripts
 * {@code require} them by their Node names ({@link NodeBuiltins}); the packages find each other through Node's
 * resolution, as in any {@code node_modules}.
 */
final class NodeLibraries implements VirtualFiles {
    static final Path ROOT = Path.of("/__kestra_sdk_node__");
    static final Path PACKAGES = ROOT.resolve("node_modules");
    static final Path LIB = ROOT.resolve("lib");
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final String OWN = "dev/kestrasdk/runner/language/javascript/node/";

    private static final byte[] NONE = new byte[0];

    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final Map<Path, byte[]> contents = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> folders = new ConcurrentHashMap<>();

    @Override
    public byte[] file(Path path) {
        if (!path.startsWith(ROOT)) {
            return null;
        }
        byte[] content = contents.computeIfAbsent(path, p -> {
            String resource = resource(p);
            byte[] bytes = resource == null || isDirectory(p) ? null : read(resource);
            return bytes == null ? NONE : bytes;
        });
        return content == NONE ? null : content;
    }

    @Override
    public boolean isDirectory(Path path) {
        if (path.equals(ROOT) || path.equals(PACKAGES) || path.equals(LIB)) {
            return true;
        }
        if (!path.startsWith(PACKAGES) || path.getNameCount() <= PACKAGES.getNameCount()) {
            return false; // the runner's own modules are files directly in LIB
        }
        Path inPackages = PACKAGES.relativize(path);
        Set<String> directories = directories(inPackages.getName(0).toString());
        return directories.contains(inPackages.toString());
    }

    /** A WebJar's folders, as paths relative to PACKAGES ({@code readable-stream/lib}): its jar has no entries for them. */
    private Set<String> directories(String webjar) {
        return folders.computeIfAbsent(webjar, name -> {
            Set<String> found = new HashSet<>();
            String version = version(name);
            URL manifest = version == null ? null : loader().getResource(WEBJARS + name + "/" + version + "/package.json");
            if (manifest == null || !"jar".equals(manifest.getProtocol())) {
                return found;
            }
            String prefix = WEBJARS + name + "/" + version + "/";
            try {
                JarURLConnection connection = (JarURLConnection) manifest.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(prefix)).forEach(n -> {
                        Path relative = Path.of(name, n.substring(prefix.length()));
                        for (Path dir = n.endsWith("/") ? relative : relative.getParent(); dir != null; dir = dir.getParent()) {
                            found.add(dir.toString());
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        });
    }

    /** The class-path resource a path under {@link #ROOT} stands for, or null. */
    private String resource(Path path) {
        if (path.startsWith(LIB) && path.getNameCount() > LIB.getNameCount()) {
            return OWN + LIB.relativize(path).toString();
        }
        if (path.startsWith(PACKAGES) && path.getNameCount() > PACKAGES.getNameCount()) {
            Path inPackages = PACKAGES.relativize(path);
            String name = inPackages.getName(0).toString();
            String version = version(name);
            if (version == null) {
                return null;
            }
            String rest = inPackages.getNameCount() > 1 ? inPackages.subpath(1, inPackages.getNameCount()).toString() : "";
            return WEBJARS + name + "/" + version + "/" + rest;
        }
        return null;
    }

    private String version(String webjar) {
        String version = versions.get(webjar);
        if (version == null) {
            try (InputStream in = loader().getResourceAsStream("META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties")) {
                if (in == null) {
                    return null;
                }
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version");
                versions.put(webjar, version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return version;
    }

    private static byte[] read(String resource) {
        URL url = loader().getResource(resource);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null; // a directory entry
        }
    }

    private static ClassLoader loader() {
        return NodeLibraries.class.getClassLoader();
    }
}
