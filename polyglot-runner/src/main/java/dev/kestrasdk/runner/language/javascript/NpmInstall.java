package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.ResourceCache;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.process.Launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A script's npm packages, as a Kestra task's {@code beforeCommands: npm install} would give them: the
 * {@code package.json} beside the script (with its {@code package-lock.json}, if any) is installed with npm into a
 * {@code node_modules} in the runner's cache ({@code npm/<sha256>}, keyed by those files' bytes), once; later runs
 * with the same files use it without npm (and offline). A {@code node_modules} already beside the script is used as
 * it is, and nothing is installed. Install scripts of packages are not run ({@code --ignore-scripts}): the runner
 * cannot load native add-ons anyway.
 */
final class NpmInstall {
    private static final long TIMEOUT_MINUTES = 10;

    private NpmInstall() {
    }

    /** The installed {@code node_modules} for the script's folder, or empty when there is nothing to install. */
    static Optional<Path> nodeModules(Path workingDirectory) throws NpmException {
        return nodeModules(workingDirectory, NpmPackages.NONE);
    }

    /**
     * The installed {@code node_modules} for the script's folder and the packages given besides ({@code --npm}), or
     * empty when there is nothing to install. Those packages join the {@code dependencies} of the {@code package.json}
     * beside the script (replacing the same names' ranges), or make a manifest of their own when there is none or when
     * a {@code node_modules} beside the script is used as it is (the loaders then look in it first). A {@code .npmrc}
     * beside the script is npm's, as in the task's working directory (a private registry), and part of the key.
     */
    static Optional<Path> nodeModules(Path workingDirectory, NpmPackages packages) throws NpmException {
        Path packageJson = workingDirectory.resolve("package.json");
        boolean manifestBeside = !Files.isDirectory(workingDirectory.resolve("node_modules"))
                && Files.isRegularFile(packageJson);
        if (!manifestBeside && packages.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] manifest = manifestBeside ? Files.readAllBytes(packageJson) : new byte[0];
            if (!packages.isEmpty()) {
                manifest = withDependencies(manifest, packages.dependencies(), packageJson);
            }
            Path lock = workingDirectory.resolve("package-lock.json");
            byte[] lockBytes = manifestBeside && Files.isRegularFile(lock) ? Files.readAllBytes(lock) : new byte[0];
            Path npmrc = workingDirectory.resolve(".npmrc");
            byte[] npmrcBytes = Files.isRegularFile(npmrc) ? Files.readAllBytes(npmrc) : new byte[0];
            String key = npmrcBytes.length == 0 ? key(manifest, lockBytes) : key(manifest, lockBytes, npmrcBytes);
            Path installed = ResourceCache.folder("npm").resolve(key);
            Path nodeModules = installed.resolve("node_modules");
            if (!Files.isDirectory(nodeModules)) {
                install(manifest, lockBytes, npmrcBytes, installed);
            }
            return Optional.of(nodeModules);
        } catch (IOException e) {
            throw new NpmException("npm install of " + packageJson + " failed: " + e.getMessage());
        }
    }

    /**
     * {@code packageJson} (empty: none) with {@code dependencies} added to its own, replacing the same names': the
     * manifest {@code npm install NAME...} would leave. Written sorted, so the key does not depend on the order given.
     */
    @SuppressWarnings("unchecked")
    static byte[] withDependencies(byte[] packageJson, Map<String, String> dependencies, Path where) throws NpmException {
        Map<String, Object> manifest = new TreeMap<>(Map.of("private", true));
        if (packageJson.length > 0) {
            Object parsed;
            try {
                parsed = ToolJson.read(new String(packageJson, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new NpmException(where + " is not JSON: " + e.getMessage());
            }
            if (!(parsed instanceof Map)) {
                throw new NpmException(where + " must hold a JSON object");
            }
            manifest = new TreeMap<>((Map<String, Object>) parsed);
        }
        Object own = manifest.getOrDefault("dependencies", Map.of());
        if (!(own instanceof Map)) {
            throw new NpmException(where + ": \"dependencies\" must be an object of names and ranges");
        }
        Map<String, Object> all = new TreeMap<>((Map<String, Object>) own);
        all.putAll(dependencies);
        manifest.put("dependencies", all);
        return ToolJson.write(manifest).getBytes(StandardCharsets.UTF_8);
    }

    /** The cache key: the sha256 of package.json, package-lock.json (and .npmrc, if any), each with its length before it. */
    static String key(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installs in a fresh folder beside the target, then moves it in place, so no run sees half an install. */
    private static void install(byte[] manifest, byte[] lock, byte[] npmrc, Path target) throws IOException, NpmException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".installing-");
        try {
            Files.write(staging.resolve("package.json"), manifest);
            if (lock.length > 0) {
                Files.write(staging.resolve("package-lock.json"), lock);
            }
            if (npmrc.length > 0) {
                Files.write(staging.resolve(".npmrc"), npmrc);
            }
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--ignore-scripts", "--prefer-offline", "--loglevel=error"));
            Path log = staging.resolve("npm-install.log");
            Process process;
            try {
                process = Launch.of(command).in(staging).builder().redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new NpmException("a package.json beside the script needs npm to install its packages, and "
                        + "npm was not found on the PATH (" + e.getMessage() + ")");
            }
            boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
                throw new NpmException("npm install took longer than " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new NpmException(NpmFailure.describe(process.exitValue(), readLog(log)));
            }
            Files.delete(log);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another run installed the same files meanwhile: theirs is as good
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NpmException("npm install was interrupted");
        } finally {
            deleteTree(staging);
        }
    }

    private static List<String> readLog(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** npm could not give the script its packages: the script fails with this message. */
    static final class NpmException extends Exception {
        NpmException(String message) {
            super(message);
        }
    }
}
