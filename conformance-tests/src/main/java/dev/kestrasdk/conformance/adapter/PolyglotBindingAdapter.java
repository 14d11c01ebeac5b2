package dev.kestrasdk.conformance.adapter;

import dev.kestrasdk.conformance.vectors.RawJson;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.internal.wire.WireEncoder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance adapter for this project's own bindings of every registered guest language
 * (docs/conformance.md): each request becomes a small guest script ({@link GuestScripts}: the typed values as
 * the guest's own literals, the calls through {@code from kestra import Kestra} / {@code require('@kestra-io/libs')})
 * run by the polyglot runner, and what the script printed is answered in the adapter protocol. So the bindings
 * are judged from the outside like any other SDK.
 *
 * <p>Usage: {@code java -cp <class path> dev.kestrasdk.conformance.adapter.PolyglotBindingAdapter LANGUAGE}, the
 * language by its name ({@code python}, {@code js}).
 */
public final class PolyglotBindingAdapter {
    private static final String STATUS = "#kestra-conformance ";

    private PolyglotBindingAdapter() {
    }

    public static void main(String[] args) throws Exception {
        GuestLanguage language = args.length == 1 && Languages.names().contains(args[0]) ? Languages.named(args[0]) : null;
        if (language == null) {
            System.err.println("usage: PolyglotBindingAdapter " + String.join("|", Languages.names()));
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (ScriptRunner runner = new ScriptRunner();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String request; (request = in.readLine()) != null; ) {
                if (request.isBlank()) {
                    continue;
                }
                Map<?, ?> parsed = (Map<?, ?>) RawJson.parse(request);
                String id = (String) parsed.get("case");
                Answer answer;
                try {
                    answer = run(runner, language, id, RawJson.compact(parsed.get("calls")));
                } catch (RuntimeException e) {
                    // a fault of this adapter, not of the binding: say so for this case and go on with the next
                    answer = new Answer(List.of(), status(id, "error", "OTHER", "adapter: " + e));
                }
                answer(out, id, answer);
                out.flush();
            }
        }
    }

    /** The case's protocol lines, then its status. */
    private record Answer(List<String> lines, Map<String, Object> status) {
    }

    private static Answer run(ScriptRunner runner, GuestLanguage language, String id, String callsJson) {
        GuestScripts script = new GuestScripts(language);
        try {
            script.add(id, callsJson);
        } catch (IllegalArgumentException notExpressible) {
            return new Answer(List.of(), status(id, "unsupported", null, notExpressible.getMessage()));
        } catch (NullPointerException noGuestForm) {
            // a null where the guest API takes no null (the logger's message list, its level): no call to make
            return new Answer(List.of(), status(id, "unsupported", null, "a call the guest API cannot make (" + noGuestForm.getMessage() + ")"));
        }
        ScriptResult result = runner.run(ScriptRequest.ofText(language, script.text()).withTimeout(Duration.ofSeconds(30)));
        List<String> lines = new ArrayList<>();
        String outcome = null;
        for (String line : result.stdout()) {
            if (line.equals(GuestScripts.OK) || line.startsWith(GuestScripts.ERROR)) {
                outcome = line;
            } else if (!line.startsWith(GuestScripts.CASE)) {
                lines.add(line);
            }
        }
        // WARN and ERROR logs go to stderr, as in Kestra's libraries: everything for Kestra goes to the harness
        for (String line : result.stderr()) {
            if (line.startsWith("::")) {
                lines.add(line);
            }
        }
        if (outcome == null) {
            String why = result.failure() == null ? "the script printed no outcome" : result.failure().describe();
            return new Answer(lines, status(id, "error", "OTHER", why));
        }
        if (outcome.equals(GuestScripts.OK)) {
            return new Answer(lines, status(id, "ok", null, null));
        }
        String rest = outcome.substring(GuestScripts.ERROR.length());
        int space = rest.indexOf(' ');
        String type = space < 0 ? rest : rest.substring(0, space);
        String message = space < 0 ? "" : rest.substring(space + 1);
        String kind = type.equals("TypeError") ? "TYPE" : type.equals(language.callSyntax().valueErrorType()) ? "VALUE" : "OTHER";
        return new Answer(lines, status(id, "error", kind, message)); // the message starts with the path
    }

    private static Map<String, Object> status(String id, String status, String kind, String message) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("case", id);
        s.put("status", status);
        if (kind != null) {
            s.put("kind", kind);
        }
        if (message != null) {
            s.put(status.equals("unsupported") ? "reason" : "message", message);
        }
        return s;
    }

    private static void answer(PrintStream out, String id, Answer answer) {
        answer.lines().forEach(out::println);
        out.println(STATUS + WireEncoder.json(answer.status()));
    }
}
