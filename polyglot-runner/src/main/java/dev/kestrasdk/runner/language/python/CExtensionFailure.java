package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.sandbox.RunProfile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GraalPy's "Cannot run any C extensions because native access is not allowed" (the sandbox profile allows no native
 * access), said so that the user knows which package it is and what to do: the import that failed is named from the
 * traceback (the outermost frame in a site-packages or standard-library folder), and the ways out are the task
 * profile, which allows native access, or CPython.
 */
final class CExtensionFailure {
    static final String GRAALPY_MESSAGE = "Cannot run any C extensions because native access is not allowed";
    static final String INSTEAD = RunProfile.RUN_WITHOUT_SANDBOX + ", which allows native access; or run this script"
            + " with CPython and this project's Python SDK (kestra-sdk exec; docs/python.md, \"Packages\")";
    private static final Pattern PACKAGE_DIR = Pattern.compile("/(?:site-packages|lib/python3\\.\\d+)/([A-Za-z0-9_.-]+)");

    private CExtensionFailure() {
    }

    /** The failure with the package named and the way out, if it is GraalPy's refusal of a C extension. */
    static ScriptFailure explained(ScriptFailure failure) {
        if (failure.message() == null || !failure.message().startsWith(GRAALPY_MESSAGE)) {
            return failure;
        }
        String what = packageOf(failure.stack());
        return new ScriptFailure(failure.type(), (what == null ? "a module" : "'" + what + "'")
                + " needs a C extension, which the sandbox profile cannot load (" + failure.message().strip() + "): "
                + INSTEAD,
                failure.line(), failure.stack());
    }

    /** The outermost frame's package folder: the module the script imported, not the one deep inside that failed. */
    private static String packageOf(List<GuestFrame> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            Matcher m = PACKAGE_DIR.matcher(stack.get(i).source().replace('\\', '/'));
            if (m.find()) {
                String name = m.group(1);
                return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
            }
        }
        return null;
    }
}
