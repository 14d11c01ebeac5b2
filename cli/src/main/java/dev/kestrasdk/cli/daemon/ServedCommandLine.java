package dev.kestrasdk.cli.daemon;

import java.util.List;
import java.util.Set;

/**
 * Which command lines the warm runner runs itself: {@code run} of a Python or JavaScript script with options that
 * name no file besides the script. Any other (a .java program, {@code --env-file}, {@code --workdir}, {@code --with},
 * {@code --help}, another command) gets a direct run: those read paths or start processes the way a JVM of the
 * caller's own does, and a direct run is the reference the warm runner must match, so refusing is always safe.
 */
final class ServedCommandLine {
    /** Options that take a value (the next argument, or after {@code =}). */
    private static final Set<String> WITH_VALUE = Set.of("--input", "--timeout", "--language", "--env", "--kestra");
    /** Flags. */
    private static final Set<String> FLAGS = Set.of("--json", "--sandbox", "--allow-write", "--inherit-env",
            "--allow-env", "--no-render", "--strict", "--allow-threads");

    private ServedCommandLine() {
    }

    /** Null when the warm runner runs {@code args}, else why not (for its log). */
    static String refusal(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("run")) {
            return "not a run command";
        }
        String script = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                if (script == null && i + 1 < args.size()) {
                    script = args.get(i + 1);
                }
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (WITH_VALUE.contains(name)) {
                    i += a.contains("=") ? 0 : 1;
                } else if (!FLAGS.contains(a)) {
                    return "option " + name + " gets a direct run";
                }
            } else if (script == null) {
                script = a;
            }
        }
        if (script == null) {
            return "no script";
        }
        if (!script.endsWith(".py") && !script.endsWith(".js") && !script.endsWith(".mjs") && !script.endsWith(".cjs")) {
            return "not a Python or JavaScript file";
        }
        return null;
    }
}
