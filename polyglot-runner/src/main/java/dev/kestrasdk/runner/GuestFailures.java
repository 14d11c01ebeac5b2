package dev.kestrasdk.runner;

import dev.kestrasdk.runner.language.GuestLanguage;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a guest error the way the guest's own traceback would: its type, its message, the script's line. The
 * stack is the language's own {@link GuestLanguage#traceback} where it has one, else the polyglot frames.
 */
final class GuestFailures {
    private GuestFailures() {
    }

    static ScriptFailure describe(PolyglotException e, String scriptSourceName, GuestLanguage language) {
        return language.explained(described(e, scriptSourceName, language));
    }

    private static ScriptFailure described(PolyglotException e, String scriptSourceName, GuestLanguage language) {
        String type = e.isExit() ? "SystemExit" : typeOf(e);
        String message = e.isExit() ? exitMessage(e.getExitStatus()) : withoutTypePrefix(e.getMessage(), type);
        List<GuestFrame> guestStack = language.traceback(e).orElse(List.of());
        if (!guestStack.isEmpty()) {
            int line = guestStack.stream().filter(f -> f.source().equals(scriptSourceName)).mapToInt(GuestFrame::line)
                    .findFirst().orElse(0);
            return new ScriptFailure(type, message, line, guestStack);
        }
        List<GuestFrame> stack = new ArrayList<>();
        int line = 0;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (!frame.isGuestFrame() || at == null || !at.isAvailable()) {
                continue;
            }
            GuestFrame guestFrame = new GuestFrame(frame.getRootName(), at.getSource().getName(), at.getStartLine());
            stack.add(guestFrame);
            if (line == 0 && scriptSourceName.equals(guestFrame.source())) {
                line = guestFrame.line();
            }
        }
        SourceSection location = e.getSourceLocation();
        if (line == 0 && location != null && location.isAvailable()
                && scriptSourceName.equals(location.getSource().getName())) {
            line = location.getStartLine();
        }
        return new ScriptFailure(type, message, line, stack);
    }

    private static String exitMessage(int code) {
        int status = ScriptResult.exitStatus(code);
        return "exit code " + status + (status == code ? "" : " (exit(" + code + "), kept to 8 bits as a process's status is)");
    }

    private static String typeOf(PolyglotException e) {
        if (e.isSyntaxError()) {
            return "SyntaxError";
        }
        if (e.isHostException()) {
            return e.asHostException().getClass().getSimpleName();
        }
        if (e.isInternalError()) {
            return "InternalError";
        }
        Value guest = e.getGuestObject();
        if (guest != null && !guest.isNull()) {
            Value meta = guest.getMetaObject();
            if (meta != null) {
                return meta.getMetaSimpleName();
            }
        }
        return "Error";
    }

    private static String withoutTypePrefix(String message, String type) {
        if (message == null) {
            return "";
        }
        String prefix = type + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
