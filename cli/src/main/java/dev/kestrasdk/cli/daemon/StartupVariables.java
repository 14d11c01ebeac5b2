package dev.kestrasdk.cli.daemon;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Variables a JVM reads once, at its start (locale and time zone, the caches, the JDK and the launcher's own
 * settings): a warm runner started under other values would not run a script as a fresh JVM would, so a caller
 * whose values differ gets a direct run.
 */
final class StartupVariables {
    static final List<String> NAMES = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ", "HOME", "PATH", "TMPDIR", "JAVA_HOME",
            "KESTRA_SDK_CACHE", "KESTRA_SDK_PATCHELF", "KESTRA_SDK_JIT", "KESTRA_SDK_NO_CDS", "KESTRA_SDK_JAVA_OPTS",
            "KESTRA_SDK_DEBUG", "PIP_INDEX_URL", "PYTHONPATH", "NODE_PATH");

    private StartupVariables() {
    }

    /** Null when {@code caller} has this process's values, else the first variable that differs. */
    static String firstDifference(Map<String, String> caller, Map<String, String> own) {
        for (String name : NAMES) {
            if (!Objects.equals(caller.get(name), own.get(name))) {
                return name;
            }
        }
        return null;
    }
}
