package dev.kestrasdk.runner.language.javascript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * npm packages a JavaScript script needs besides its {@code package.json}, as {@code npm install NAME} or
 * {@code npm install NAME@RANGE} names them ({@code lodash}, {@code dayjs@1.11.13}, {@code @scope/pkg@^2}): given with
 * {@code kestra-sdk run --npm PKG} or {@link dev.kestrasdk.runner.ScriptRequest#withNpmPackages}. {@link NpmInstall}
 * installs them with the script's {@code package.json}, if any, into the runner's cache.
 *
 * <p>Only registry names and ranges are accepted, not npm options, paths, URLs or git references: the installation is
 * keyed by the manifest these make, and a package from outside the registry would not change that key when it changes.
 */
public record NpmPackages(List<String> specs) {
    public static final NpmPackages NONE = new NpmPackages(List.of());

    /** npm's rule for new package names: lower case, URL-safe, at most 214 characters, optionally in a scope. */
    private static final Pattern NAME = Pattern.compile("(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*");
    private static final int MAX_NAME = 214;
    /** What a range, version or tag may hold: no spaces around it, no control characters, no path or URL signs. */
    private static final Pattern RANGE = Pattern.compile("[0-9A-Za-z.^~<>=*+-]([0-9A-Za-z.^~<>=|*+ -]*[0-9A-Za-z.*+-])?");

    public NpmPackages {
        Objects.requireNonNull(specs, "specs");
        specs.forEach(NpmPackages::checked);
        specs = List.copyOf(specs);
    }

    public static NpmPackages of(String... specs) {
        return new NpmPackages(List.of(specs));
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    /** These and then {@code other}'s; a later spec of the same name replaces an earlier one in {@link #dependencies}. */
    public NpmPackages plus(NpmPackages other) {
        List<String> all = new ArrayList<>(specs);
        all.addAll(other.specs);
        return new NpmPackages(all);
    }

    /**
     * The {@code dependencies} of a {@code package.json} that installs these, sorted by name: a spec without a range
     * asks for the {@code latest} tag, as {@code npm install NAME} does.
     */
    public Map<String, String> dependencies() {
        Map<String, String> dependencies = new TreeMap<>();
        for (String spec : specs) {
            int at = spec.indexOf('@', 1);
            dependencies.put(at < 0 ? spec : spec.substring(0, at), at < 0 ? "latest" : spec.substring(at + 1));
        }
        return dependencies;
    }

    /** The spec, or an {@link IllegalArgumentException} saying what is wrong with it and what is accepted. */
    static String checked(String spec) {
        Objects.requireNonNull(spec, "spec");
        int at = spec.indexOf('@', 1);
        String name = at < 0 ? spec : spec.substring(0, at);
        if (spec.startsWith("-")) {
            throw new IllegalArgumentException("'" + spec + "' is an npm option; " + ACCEPTED);
        }
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("'" + name + "' is not an npm package name; " + ACCEPTED);
        }
        if (at >= 0 && !RANGE.matcher(spec.substring(at + 1)).matches()) {
            throw new IllegalArgumentException("'" + spec.substring(at + 1) + "' is not a version, range or tag of "
                    + name + "; " + ACCEPTED);
        }
        return spec;
    }

    private static final String ACCEPTED = "expected NAME or NAME@RANGE, such as lodash or dayjs@^1.11";
}
