package dev.kestrasdk;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The execution context Kestra gives a script task, read as Kestra's Python package reads it: the JSON file
 * named by {@code KESTRA_EXECUTION_CONTEXT_FILE}, else {@code .kestra-execution-context.json} in the working
 * directory, else the base64 JSON of {@code KESTRA_CONTEXT}. A read-only view of one JSON object: the top
 * level has {@code inputs}, {@code vars}, {@code outputs}, {@code labels}, {@code flow}, {@code execution},
 * {@code task}, {@code taskrun} and, on a triggered execution, {@code trigger}; nested objects are views too.
 *
 * <pre>{@code
 * ExecutionContext context = Kestra.context();
 * String dataset = context.inputs().getString("dataset");
 * String uri = context.outputs().section("extract").section("vars").getString("uri");
 * System.out.println(context.flowId() + " " + context.executionId() + " " + context.labels().toMap());
 * }</pre>
 *
 * <p>A key that is not there throws {@link NoSuchElementException} naming the keys that are:
 * {@code 'team' is not available in the execution context (available: env)}, the message of the Python and
 * JavaScript libraries.
 */
public final class ExecutionContext {
    /** The file Kestra writes into the task's working directory. */
    public static final String FILE_NAME = ".kestra-execution-context.json";
    /** The environment variable naming the file, read first. */
    public static final String FILE_VARIABLE = "KESTRA_EXECUTION_CONTEXT_FILE";
    /** The environment variable holding the context as base64 JSON, read when there is no file. */
    public static final String BASE64_VARIABLE = "KESTRA_CONTEXT";

    private final Map<String, Object> data;

    private ExecutionContext(Map<String, Object> data) {
        this.data = data;
    }

    /**
     * Reads the context of the running task from the file or variables named above.
     *
     * <pre>{@code
     * ExecutionContext context = ExecutionContext.load(); // Kestra.context() caches this
     * }</pre>
     *
     * @return the context
     * @throws IllegalStateException if there is no context (the script does not run in a Kestra task) or it is
     *                               not a JSON object
     * @throws UncheckedIOException  if the file exists but cannot be read
     */
    public static ExecutionContext load() {
        return load(System.getenv(), Path.of(""));
    }

    /** {@link #load()} with the environment and working directory given, for tests. */
    static ExecutionContext load(Map<String, String> environment, Path workingDirectory) {
        String name = environment.getOrDefault(FILE_VARIABLE, FILE_NAME);
        Path file = workingDirectory.resolve(name);
        if (Files.exists(file)) {
            return read(file);
        }
        String encoded = environment.get(BASE64_VARIABLE);
        if (encoded != null && !encoded.isEmpty()) {
            byte[] json;
            try {
                json = Base64.getDecoder().decode(encoded.replaceAll("\\s", "")); // line breaks allowed, nothing else
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(BASE64_VARIABLE + " is not base64: " + e.getMessage(), e);
            }
            return parse(json, BASE64_VARIABLE);
        }
        throw new IllegalStateException("No Kestra execution context found: '" + name + "' does not exist and the "
                + BASE64_VARIABLE + " environment variable is not set. The execution context is only available when the"
                + " script runs inside a Kestra task.");
    }

    /**
     * Reads a context from a JSON file.
     *
     * <pre>{@code
     * ExecutionContext context = ExecutionContext.read(Path.of("context.json"));
     * }</pre>
     *
     * @param file a file holding one JSON object
     * @return the context
     * @throws IllegalStateException if the file does not hold a JSON object
     * @throws UncheckedIOException  if the file cannot be read
     */
    public static ExecutionContext read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the execution context " + file + ": " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    /**
     * A context over values already read, for tests of code that takes a context.
     *
     * <pre>{@code
     * ExecutionContext context = ExecutionContext.of(Map.of("inputs", Map.of("dataset", "orders.csv")));
     * }</pre>
     *
     * @param data the top-level keys; nested maps must have String keys
     * @return a view of {@code data}
     */
    public static ExecutionContext of(Map<String, ?> data) {
        return new ExecutionContext(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data"))));
    }

    private static ExecutionContext parse(byte[] json, String source) {
        try {
            return new ExecutionContext(ContextJson.readObject(json));
        } catch (JsonProcessingException e) { // its getMessage() adds a second line with the location
            throw new IllegalStateException("the execution context in " + source + " is not a JSON object: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("the execution context in " + source + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    /**
     * The flow's inputs.
     *
     * <pre>{@code
     * String dataset = Kestra.context().inputs().getString("dataset");
     * }</pre>
     *
     * @return the {@code inputs} object
     * @throws NoSuchElementException if the context has no {@code inputs}
     */
    public ExecutionContext inputs() {
        return section("inputs");
    }

    /**
     * The flow's variables.
     *
     * <pre>{@code
     * Number threshold = Kestra.context().vars().getNumber("threshold");
     * }</pre>
     *
     * @return the {@code vars} object
     * @throws NoSuchElementException if the context has no {@code vars}
     */
    public ExecutionContext vars() {
        return section("vars");
    }

    /**
     * The outputs of the tasks that ran before, by task id.
     *
     * <pre>{@code
     * String uri = Kestra.context().outputs().section("extract").section("vars").getString("uri");
     * }</pre>
     *
     * @return the {@code outputs} object
     * @throws NoSuchElementException if the context has no {@code outputs}
     */
    public ExecutionContext outputs() {
        return section("outputs");
    }

    /**
     * The execution's labels, names to values.
     *
     * <pre>{@code
     * String env = Kestra.context().labels().getString("env");
     * }</pre>
     *
     * @return the {@code labels} object
     * @throws NoSuchElementException if the context has no {@code labels}
     */
    public ExecutionContext labels() {
        return section("labels");
    }

    /**
     * The trigger's variables; only a triggered execution has them (see {@link #has(String)}).
     *
     * <pre>{@code
     * ExecutionContext context = Kestra.context();
     * if (context.has("trigger")) {
     *     Object date = context.trigger().get("date");
     * }
     * }</pre>
     *
     * @return the {@code trigger} object
     * @throws NoSuchElementException if the execution was not triggered
     */
    public ExecutionContext trigger() {
        return section("trigger");
    }

    /**
     * The flow's id, {@code flow.id}.
     *
     * <pre>{@code
     * String flow = Kestra.context().flowId();
     * }</pre>
     *
     * @return the flow's id
     * @throws NoSuchElementException if the context has no {@code flow.id}
     */
    public String flowId() {
        return section("flow").getString("id");
    }

    /**
     * The flow's namespace, {@code flow.namespace}.
     *
     * <pre>{@code
     * String namespace = Kestra.context().namespace();
     * }</pre>
     *
     * @return the flow's namespace
     * @throws NoSuchElementException if the context has no {@code flow.namespace}
     */
    public String namespace() {
        return section("flow").getString("namespace");
    }

    /**
     * The execution's id, {@code execution.id}.
     *
     * <pre>{@code
     * String execution = Kestra.context().executionId();
     * }</pre>
     *
     * @return the execution's id
     * @throws NoSuchElementException if the context has no {@code execution.id}
     */
    public String executionId() {
        return section("execution").getString("id");
    }

    /**
     * Whether {@code key} is there.
     *
     * <pre>{@code
     * boolean triggered = Kestra.context().has("trigger");
     * }</pre>
     *
     * @param key a key of this object
     * @return true if the key is present (even with a {@code null} value)
     */
    public boolean has(String key) {
        return data.containsKey(key);
    }

    /**
     * This object's keys, sorted.
     *
     * <pre>{@code
     * Set<String> inputs = Kestra.context().inputs().keys();
     * }</pre>
     *
     * @return the keys
     */
    public Set<String> keys() {
        return new TreeSet<>(data.keySet());
    }

    /**
     * The value of {@code key} as read: a Map, List, String, Number, Boolean or {@code null}.
     *
     * <pre>{@code
     * Object value = Kestra.context().inputs().get("rows");
     * }</pre>
     *
     * @param key a key of this object
     * @return its value
     * @throws NoSuchElementException if the key is not there, naming the keys that are
     */
    public Object get(String key) {
        if (!data.containsKey(key)) {
            String available = data.isEmpty() ? "none" : String.join(", ", keys());
            throw new NoSuchElementException("'" + key + "' is not available in the execution context (available: " + available + ")");
        }
        return data.get(key);
    }

    /**
     * The object at {@code key}, as a view like this one.
     *
     * <pre>{@code
     * ExecutionContext extract = Kestra.context().outputs().section("extract");
     * }</pre>
     *
     * @param key a key of this object
     * @return a view of the nested object
     * @throws NoSuchElementException   if the key is not there
     * @throws IllegalArgumentException if its value is not an object
     */
    public ExecutionContext section(String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) typed(key, Map.class, "an object");
        return new ExecutionContext(map);
    }

    /**
     * The string at {@code key}.
     *
     * <pre>{@code
     * String dataset = Kestra.context().inputs().getString("dataset");
     * }</pre>
     *
     * @param key a key of this object
     * @return its value
     * @throws NoSuchElementException   if the key is not there
     * @throws IllegalArgumentException if its value is not a string
     */
    public String getString(String key) {
        return typed(key, String.class, "a string");
    }

    /**
     * The number at {@code key}: Integer, Long or BigInteger for an integer, Double otherwise.
     *
     * <pre>{@code
     * int rows = Kestra.context().inputs().getNumber("rows").intValue();
     * }</pre>
     *
     * @param key a key of this object
     * @return its value
     * @throws NoSuchElementException   if the key is not there
     * @throws IllegalArgumentException if its value is not a number
     */
    public Number getNumber(String key) {
        return typed(key, Number.class, "a number");
    }

    /**
     * The boolean at {@code key}.
     *
     * <pre>{@code
     * boolean dryRun = Kestra.context().inputs().getBoolean("dryRun");
     * }</pre>
     *
     * @param key a key of this object
     * @return its value
     * @throws NoSuchElementException   if the key is not there
     * @throws IllegalArgumentException if its value is not a boolean
     */
    public boolean getBoolean(String key) {
        return typed(key, Boolean.class, "a boolean");
    }

    /**
     * The list at {@code key}, its elements as {@link #get(String)} gives values.
     *
     * <pre>{@code
     * List<?> files = Kestra.context().inputs().getList("files");
     * }</pre>
     *
     * @param key a key of this object
     * @return its value, unmodifiable
     * @throws NoSuchElementException   if the key is not there
     * @throws IllegalArgumentException if its value is not a list
     */
    public List<?> getList(String key) {
        return typed(key, List.class, "a list");
    }

    /**
     * This object as plain, unmodifiable Java values.
     *
     * <pre>{@code
     * Map<String, Object> labels = Kestra.context().labels().toMap();
     * }</pre>
     *
     * @return the map behind this view
     */
    public Map<String, Object> toMap() {
        return data;
    }

    /**
     * The map's text, for printing.
     *
     * <pre>{@code
     * System.out.println(Kestra.context().labels()); // {env=prod}
     * }</pre>
     *
     * @return {@code toMap().toString()}
     */
    @Override
    public String toString() {
        return data.toString();
    }

    private <T> T typed(String key, Class<T> type, String what) {
        Object value = get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("'" + key + "' in the execution context is " + describe(value) + ", not " + what);
        }
        return type.cast(value);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value instanceof Boolean ? "a boolean" : "a " + value.getClass().getSimpleName();
    }
}
