package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.runner.json.ToolJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One adapter, started from its {@link AdapterCommand} and kept for many cases: the harness writes one request line
 * per case on its standard input and reads its standard output up to the case's status line
 * ({@value #STATUS_PREFIX}{@code {...}}). A case that takes longer than the timeout, or an adapter that
 * exits, ends the case; the adapter is started again for the next one. Not thread-safe: one case at a time.
 */
public final class AdapterProcess implements AutoCloseable {
    /** Starts a status line; the JSON object follows on the same line. */
    public static final String STATUS_PREFIX = "#kestra-conformance ";

    private static final int STDERR_TAIL_LINES = 20;
    private static final int MAX_SHOWN_CHARS = 300;

    private sealed interface Event permits Line, Eof {
    }

    private record Line(String text) implements Event {
    }

    private record Eof() implements Event {
    }

    private final AdapterCommand command;
    private final Path workDir;
    private final Duration timeout;

    private Process process;
    private OutputStream stdin;
    private BlockingQueue<Event> events;
    private Deque<String> stderrTail;
    private boolean everAnswered;
    private int starts;

    /**
     * @param command how to start the adapter
     * @param workDir its working directory, or {@code null} for the harness's own
     * @param timeout how long one case may take, from its request to its status line
     */
    public AdapterProcess(AdapterCommand command, Path workDir, Duration timeout) {
        this.command = command;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    public AdapterCommand command() {
        return command;
    }

    /** How many times the adapter was started so far (1 + restarts after crashes and timeouts). */
    public int starts() {
        return starts;
    }

    /** Sends the case to the adapter and collects its lines and status. */
    public CaseRun run(ConformanceCase kase) throws AdapterStartException {
        if (process == null) {
            start();
        }
        List<String> lines = new ArrayList<>();
        List<Integer> unterminated = new ArrayList<>();
        try {
            stdin.write((kase.requestLine() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The adapter is gone: its end of output tells how.
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event;
            try {
                event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return new CaseRun(lines, unterminated, CaseRun.Status.TIMED_OUT, null, "interrupted");
            }
            if (event == null) {
                kill();
                return new CaseRun(lines, unterminated, CaseRun.Status.TIMED_OUT, null,
                        "no status line within " + human(timeout) + " (" + lines.size() + " line"
                                + (lines.size() == 1 ? "" : "s") + " printed); the adapter was stopped and restarted");
            }
            if (event instanceof Eof) {
                String[] why = exitDescription();
                process = null;
                if (!everAnswered) {
                    throw new AdapterStartException("the adapter `" + command.display() + "` " + why[0] + why[1]);
                }
                return new CaseRun(lines, unterminated, CaseRun.Status.CRASHED, null,
                        "the adapter " + why[0] + " before the case's status line and was restarted" + why[1]);
            }
            String text = ((Line) event).text();
            int at = text.indexOf(STATUS_PREFIX);
            if (at < 0) {
                lines.add(text);
                continue;
            }
            if (at > 0) {
                unterminated.add(lines.size());
                lines.add(text.substring(0, at));
            }
            everAnswered = true;
            return status(kase.id(), text.substring(at + STATUS_PREFIX.length()), lines, unterminated);
        }
    }

    private static CaseRun status(String caseId, String json, List<String> lines, List<Integer> unterminated) {
        Map<?, ?> status;
        try {
            status = ToolJson.read(json) instanceof Map<?, ?> m ? m : null;
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null) {
            return new CaseRun(lines, unterminated, CaseRun.Status.PROTOCOL, null,
                    "malformed status line: " + shorten(json));
        }
        if (!caseId.equals(status.get("case"))) {
            return new CaseRun(lines, unterminated, CaseRun.Status.PROTOCOL, null,
                    "status line for case " + status.get("case") + " while case " + caseId + " was running");
        }
        Object s = status.get("status");
        if ("ok".equals(s)) {
            return new CaseRun(lines, unterminated, CaseRun.Status.OK, null, null);
        }
        if ("error".equals(s)) {
            Object kind = status.get("kind");
            if (!"TYPE".equals(kind) && !"VALUE".equals(kind) && !"OTHER".equals(kind)) {
                return new CaseRun(lines, unterminated, CaseRun.Status.PROTOCOL, null,
                        "error status with kind " + kind + " (TYPE, VALUE or OTHER): " + shorten(json));
            }
            return new CaseRun(lines, unterminated, CaseRun.Status.ERROR, (String) kind, String.valueOf(status.get("message")));
        }
        if ("unsupported".equals(s)) {
            return new CaseRun(lines, unterminated, CaseRun.Status.UNSUPPORTED, null, String.valueOf(status.get("reason")));
        }
        return new CaseRun(lines, unterminated, CaseRun.Status.PROTOCOL, null,
                "unknown status " + s + " (ok, error or unsupported): " + shorten(json));
    }

    private void start() throws AdapterStartException {
        try {
            process = (workDir == null ? command.launch() : command.launch().in(workDir)).start();
        } catch (IOException e) {
            throw new AdapterStartException("cannot start the adapter `" + command.display() + "`: " + e.getMessage());
        }
        starts++;
        stdin = process.getOutputStream();
        events = new LinkedBlockingQueue<>();
        stderrTail = new ArrayDeque<>();
        BlockingQueue<Event> queue = events;
        Deque<String> tail = stderrTail;
        Thread out = new Thread(() -> readLines(process.getInputStream(), queue), "adapter-stdout");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(() -> readTail(process.getErrorStream(), tail), "adapter-stderr");
        err.setDaemon(true);
        err.start();
    }

    private static void readLines(InputStream in, BlockingQueue<Event> queue) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i - from);
                        queue.add(new Line(line.toString(StandardCharsets.UTF_8)));
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buf, from, n - from);
            }
        } catch (IOException e) {
            // the process was stopped
        }
        if (line.size() > 0) {
            queue.add(new Line(line.toString(StandardCharsets.UTF_8)));
        }
        queue.add(new Eof());
    }

    private static void readTail(InputStream in, Deque<String> tail) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = reader.readLine()) != null; ) {
                synchronized (tail) {
                    tail.addLast(shorten(l));
                    if (tail.size() > STDERR_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process was stopped
        }
    }

    /** The last non-blank lines of the adapter's standard error, for reasons. */
    public String stderrTail(int maxLines) {
        if (stderrTail == null) {
            return "";
        }
        synchronized (stderrTail) {
            List<String> nonBlank = stderrTail.stream().filter(s -> !s.isBlank()).toList();
            return String.join(" | ", nonBlank.subList(Math.max(0, nonBlank.size() - maxLines), nonBlank.size()));
        }
    }

    /** How the process ended ("exited with code 3"), and " (stderr: ...)" or "". */
    private String[] exitDescription() {
        Process p = process;
        String code;
        try {
            code = p.waitFor(5, TimeUnit.SECONDS) ? "exited with code " + p.exitValue() : "closed its output";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = "closed its output";
        }
        sleepBriefly(); // let the stderr reader take the last lines
        String err = stderrTail(3);
        return new String[]{code, err.isEmpty() ? "" : " (stderr: " + err + ")"};
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        Process p = process;
        process = null;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the adapter's standard input (it should exit), then stops it if it has not after 5 seconds. */
    @Override
    public void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    static String shorten(String s) {
        return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "... (" + s.length() + " chars)";
    }
}
