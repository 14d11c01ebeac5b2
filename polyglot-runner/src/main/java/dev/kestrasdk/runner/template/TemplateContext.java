package dev.kestrasdk.runner.template;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Kestra variables a script's template sees besides {@code inputs}: what a flow, its execution and its earlier
 * tasks would give it in Kestra (docs/runner.md, "Template context"). Each {@code with...} method returns a new
 * context. {@link #local()} fills {@code execution}, {@code flow} and {@code taskrun} as a one-task local run.
 *
 * @param vars        the flow's {@code variables} ({@code {{ vars.x }}})
 * @param outputs     earlier tasks' outputs by task id ({@code {{ outputs.task.vars.x }}} for a script task)
 * @param execution   {@code id}, {@code startDate}
 * @param flow        {@code id}, {@code namespace}, {@code revision}
 * @param taskrun     {@code id}, {@code attemptsCount}, and {@code value} inside a loop
 * @param labels      the execution's labels
 * @param trigger     the trigger's variables; absent from the template when empty, as in a run nothing triggered
 * @param secrets     {@code secret('NAME')} values, before {@code SECRET_NAME} in {@code environment}
 * @param kv          {@code kv('KEY')} values
 * @param environment where {@code secret()} finds {@code SECRET_NAME} variables holding base64, as Kestra's
 *                    open-source edition does; only the {@code SECRET_} variables are kept
 * @param clock       what {@code now()} reads, and the zone dates are shown in when no {@code timeZone} is given
 */
public record TemplateContext(Map<String, Object> vars, Map<String, Object> outputs, Map<String, Object> execution,
                              Map<String, Object> flow, Map<String, Object> taskrun, Map<String, Object> labels,
                              Map<String, Object> trigger, Map<String, String> secrets, Map<String, Object> kv,
                              Map<String, String> environment, Clock clock) {
    /** Nothing but {@code inputs}: the template sees only the inputs (no other variable, no Kestra function data). */
    public static final TemplateContext NONE = new TemplateContext(null, null, null, null, null, null, null, null,
            null, null, null);

    public TemplateContext {
        vars = copy(vars);
        outputs = copy(outputs);
        execution = copy(execution);
        flow = copy(flow);
        taskrun = copy(taskrun);
        labels = copy(labels);
        trigger = copy(trigger);
        secrets = copy(secrets);
        kv = copy(kv);
        environment = secretVariables(environment);
        clock = clock == null ? Clock.systemDefaultZone() : clock;
    }

    /** A one-task local run: fresh execution and task-run ids, the execution starting now, flow {@code local}. */
    public static TemplateContext local() {
        return local(Clock.systemDefaultZone(), dev.kestrasdk.runner.HostEnvironment.get());
    }

    public static TemplateContext local(Clock clock, Map<String, String> environment) {
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("id", newId());
        execution.put("startDate", Instant.now(clock).toString());
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("id", "local");
        flow.put("namespace", "local");
        flow.put("revision", 1);
        Map<String, Object> taskrun = new LinkedHashMap<>();
        taskrun.put("id", newId());
        taskrun.put("attemptsCount", 0);
        return new TemplateContext(null, null, execution, flow, taskrun, null, null, null, null, environment, clock);
    }

    /** An id shaped like Kestra's: a random UUID in base 62, up to 22 characters. */
    public static String newId() {
        UUID u = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(17).put((byte) 0).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
        BigInteger n = new BigInteger(bytes);
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        do {
            BigInteger[] qr = n.divideAndRemainder(base);
            s.append(digits.charAt(qr[1].intValue()));
            n = qr[0];
        } while (n.signum() > 0);
        return s.reverse().toString();
    }

    public TemplateContext withVars(Map<String, ?> v) {
        return new TemplateContext(copy(v), outputs, execution, flow, taskrun, labels, trigger, secrets, kv, environment, clock);
    }

    public TemplateContext withOutputs(Map<String, ?> v) {
        return new TemplateContext(vars, copy(v), execution, flow, taskrun, labels, trigger, secrets, kv, environment, clock);
    }

    /** Adds to (or replaces keys of) {@code execution}. */
    public TemplateContext withExecution(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, merge(execution, v), flow, taskrun, labels, trigger, secrets, kv, environment, clock);
    }

    /** Adds to (or replaces keys of) {@code flow}. */
    public TemplateContext withFlow(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, execution, merge(flow, v), taskrun, labels, trigger, secrets, kv, environment, clock);
    }

    /** Adds to (or replaces keys of) {@code taskrun}. */
    public TemplateContext withTaskrun(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, execution, flow, merge(taskrun, v), labels, trigger, secrets, kv, environment, clock);
    }

    public TemplateContext withLabels(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, copy(v), trigger, secrets, kv, environment, clock);
    }

    public TemplateContext withTrigger(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, labels, copy(v), secrets, kv, environment, clock);
    }

    public TemplateContext withSecrets(Map<String, String> v) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, labels, trigger, v, kv, environment, clock);
    }

    public TemplateContext withKv(Map<String, ?> v) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, labels, trigger, secrets, copy(v), environment, clock);
    }

    public TemplateContext withEnvironment(Map<String, String> v) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, labels, trigger, secrets, kv, v, clock);
    }

    public TemplateContext withClock(Clock c) {
        return new TemplateContext(vars, outputs, execution, flow, taskrun, labels, trigger, secrets, kv, environment, c);
    }

    private static Map<String, String> secretVariables(Map<String, String> environment) {
        Map<String, String> m = new LinkedHashMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> {
                if (k.startsWith("SECRET_")) {
                    m.put(k, v);
                }
            });
        }
        return Collections.unmodifiableMap(m);
    }

    private static <V> Map<String, V> copy(Map<String, ? extends V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, ?> more) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        if (more != null) {
            m.putAll(more);
        }
        return m;
    }
}
