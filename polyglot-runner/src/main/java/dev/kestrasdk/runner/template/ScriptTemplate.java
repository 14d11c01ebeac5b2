package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.loader.StringLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Renders a script's text with Pebble before it runs, as Kestra renders a script task's {@code script}
 * property: {@code {{ inputs.attempts }}} becomes the input's value, and Kestra's other variables, functions,
 * filters and operators come from a {@link TemplateContext} (docs/runner.md, "Template context"). Only text containing {@code {{} or
 * {@code {%} is rendered, so ordinary code with braces is untouched. Variables are strict: naming an input
 * that does not exist is an error that names it. No escaping, and no newline trimming after tags, so line
 * numbers in the rendered script match the original's. Rendering is bounded by {@link RenderLimits}. Thread-safe.
 */
public final class ScriptTemplate {
    private final PebbleEngine pebble = new PebbleEngine.Builder()
            .loader(new StringLoader())
            .strictVariables(true)
            .autoEscaping(false)
            .newLineTrimming(false)
            .cacheActive(false)
            .extension(new BoundedLoops(), new BoundedValues(), new KestraExtension())
            .allowOverrideCoreOperators(true) // BoundedValues' ~
            .build();
    private final RenderLimits limits;

    public ScriptTemplate() {
        this(RenderLimits.DEFAULTS);
    }

    public ScriptTemplate(RenderLimits limits) {
        this.limits = limits;
    }

    public static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    /** The rendered text, with the template variable {@code inputs} bound to the given map. */
    public String render(String text, Map<String, Object> inputs) throws TemplateException {
        return render(text, inputs, () -> false);
    }

    /**
     * As above, within this template's {@link RenderLimits}; {@code stopped} is polled as rendering goes (the
     * script's timeout) and ends it with a {@link TemplateException} saying so.
     */
    public String render(String text, Map<String, Object> inputs, BooleanSupplier stopped) throws TemplateException {
        return render(text, inputs, TemplateContext.NONE, null, stopped);
    }

    /** As below, with {@code outputDir} the working directory itself (a run without a workspace). */
    public String render(String text, Map<String, Object> inputs, TemplateContext context, Path workingDirectory,
                         BooleanSupplier stopped) throws TemplateException {
        return render(text, inputs, context, workingDirectory, workingDirectory, stopped);
    }

    /**
     * As above, with Kestra's template context: its variables beside {@code inputs}, {@code workingDir}
     * ({@code workingDirectory}) and {@code outputDir} ({@code outputDirectory}), and the data of {@code now()},
     * {@code secret()}, {@code kv()} and {@code read()}. {@link TemplateContext#NONE} with a null directory binds
     * {@code inputs} alone.
     */
    public String render(String text, Map<String, Object> inputs, TemplateContext context, Path workingDirectory,
                         Path outputDirectory, BooleanSupplier stopped) throws TemplateException {
        if (!isTemplate(text)) {
            return text;
        }
        Map<String, Object> variables = variables(inputs, context, workingDirectory, outputDirectory);
        RenderBudget budget = new RenderBudget(limits, stopped);
        BudgetWriter out = new BudgetWriter(text.length() + 64, budget);
        budget.enter();
        new RenderScope(context, workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory).enter();
        try {
            pebble.getLiteralTemplate(text).evaluate(out, variables);
        } catch (RenderBudget.Stopped e) {
            throw new TemplateException("rendering stopped: " + e.getMessage(), 0, e);
        } catch (StackOverflowError e) {
            throw new TemplateException("the template nests or recurses too deeply", 0, null);
        } catch (RootAttributeNotFoundException e) {
            throw new TemplateException("unknown template variable '" + e.getAttributeName() + "'" + at(e)
                    + " (the variables are " + String.join(", ", variables.keySet())
                    + "; --no-render runs the script unrendered)", line(e), e);
        } catch (AttributeNotFoundException e) {
            throw new TemplateException("unknown input or attribute '" + e.getAttributeName() + "'" + at(e)
                    + "; the inputs are " + inputs.keySet(), line(e), e);
        } catch (PebbleException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RenderBudget.Stopped) { // Pebble wraps what a loop or function throws
                    throw new TemplateException("rendering stopped: " + cause.getMessage(), line(e), e);
                }
            }
            throw new TemplateException(e.getPebbleMessage() + at(e), line(e), e);
        } catch (IOException e) {
            throw new AssertionError("a StringWriter does not fail", e);
        } finally {
            budget.leave();
            RenderScope.leave();
        }
        return out.toString();
    }

    /** Kestra's variables, in the order the unknown-variable message lists them. */
    private static Map<String, Object> variables(Map<String, Object> inputs, TemplateContext context, Path workingDirectory,
                                                 Path outputDirectory) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("inputs", inputs);
        if (context == TemplateContext.NONE && workingDirectory == null) {
            return v;
        }
        v.put("vars", context.vars());
        v.put("outputs", context.outputs());
        v.put("execution", context.execution());
        v.put("flow", context.flow());
        v.put("taskrun", context.taskrun());
        v.put("labels", context.labels());
        if (!context.trigger().isEmpty()) {
            v.put("trigger", context.trigger());
        }
        if (workingDirectory != null) {
            v.put("workingDir", workingDirectory.toString());
            v.put("outputDir", (outputDirectory == null ? workingDirectory : outputDirectory).toString());
        }
        return v;
    }

    private static int line(PebbleException e) {
        return e.getLineNumber() == null ? 0 : e.getLineNumber();
    }

    private static String at(PebbleException e) {
        return e.getLineNumber() == null ? "" : " at line " + e.getLineNumber();
    }
}
