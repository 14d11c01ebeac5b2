package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.loader.StringLoader;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Renders a script's text with Pebble before it runs, as Kestra renders a script task's {@code script}
 * property: {@code {{ inputs.attempts }}} becomes the input's value. Only text containing {@code {{} or
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
            .extension(new BoundedLoops(), new BoundedValues())
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
        if (!isTemplate(text)) {
            return text;
        }
        RenderBudget budget = new RenderBudget(limits, stopped);
        BudgetWriter out = new BudgetWriter(text.length() + 64, budget);
        budget.enter();
        try {
            pebble.getLiteralTemplate(text).evaluate(out, Map.of("inputs", inputs));
        } catch (RenderBudget.Stopped e) {
            throw new TemplateException("rendering stopped: " + e.getMessage(), 0, e);
        } catch (StackOverflowError e) {
            throw new TemplateException("the template nests or recurses too deeply", 0, null);
        } catch (RootAttributeNotFoundException e) {
            throw new TemplateException("unknown template variable '" + e.getAttributeName()
                    + "' (only 'inputs' is defined)" + at(e), line(e), e);
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
        }
        return out.toString();
    }

    private static int line(PebbleException e) {
        return e.getLineNumber() == null ? 0 : e.getLineNumber();
    }

    private static String at(PebbleException e) {
        return e.getLineNumber() == null ? "" : " at line " + e.getLineNumber();
    }
}
