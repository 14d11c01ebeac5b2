package dev.kestrasdk.runner.language.javascript;

import java.util.List;
import java.util.Set;

/**
 * The one line a script's failure gives for a failed {@code npm install}: npm's error code and the first line of its
 * reason ({@code ETARGET notarget No matching version found for lodash@^99.}), which names the package; not npm's
 * stack traces or the path of its debug log. A registry out of reach is said so, with what the cache is for.
 */
final class NpmFailure {
    /** npm's codes for a registry it cannot reach: offline, no DNS, refused, timed out. */
    private static final Set<String> UNREACHABLE = Set.of("ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT",
            "ENETUNREACH", "ECONNRESET", "EHOSTUNREACH");

    private NpmFailure() {
    }

    /** The message for npm's exit code and its output (npm 7+ prefixes {@code npm error}, older {@code npm ERR!}). */
    static String describe(int exitCode, List<String> output) {
        String code = null;
        String reason = null;
        for (String raw : output) {
            String line = withoutPrefix(raw).strip();
            if (line.isEmpty() || line.startsWith("A complete log of this run") || line.matches("\\d{3}")) {
                continue;
            }
            if (line.startsWith("code ")) {
                code = code == null ? line.substring(5).strip() : code;
            } else if (reason == null && !line.startsWith("syscall ") && !line.startsWith("errno ")) {
                reason = line;
            }
        }
        reason = reason == null ? "npm gave no reason" : reason;
        if (code != null && UNREACHABLE.contains(code)) {
            return "npm could not reach the registry (" + code + "), and the runner's cache has no install of these"
                    + " packages yet (the first run of a package set needs the registry; later runs are offline): " + reason;
        }
        return "npm install failed (exit " + exitCode + "): " + (code == null ? "" : code + " ") + reason;
    }

    private static String withoutPrefix(String line) {
        for (String prefix : List.of("npm error ", "npm ERR! ")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return line.equals("npm error") || line.equals("npm ERR!") ? "" : line;
    }
}
