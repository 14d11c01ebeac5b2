package dev.kestrasdk.kestra;

import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long each step of one task run took, logged as one DEBUG line of the worker's log when the task ends:
 * {@code task extract steps: files 2.1 ms, context file 0.8 ms, script 15.3 ms, ...}. For finding where a task's
 * time goes; formatted only when DEBUG is on.
 */
final class TaskSteps {
    private final String taskId;
    private final List<String> names = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private long last = System.nanoTime();

    TaskSteps(String taskId) {
        this.taskId = taskId;
    }

    /** Ends the step {@code name}, which began where the previous one ended. */
    void done(String name) {
        long now = System.nanoTime();
        names.add(name);
        nanos.add(now - last);
        last = now;
    }

    /** Logs the steps, then what {@code more} says (computed only when DEBUG is on), if anything. */
    void log(Logger logger, Supplier<String> more) {
        if (logger.isDebugEnabled()) {
            String tail = more.get();
            logger.debug("task {} steps: {}{}", taskId, this, tail.isEmpty() ? "" : "; " + tail);
        }
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            line.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f ms", nanos.get(i) / 1e6));
        }
        return line.toString();
    }
}
