package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

/**
 * The rendered text, charged to the {@link RenderBudget} before it is kept. A list, map or array printed by
 * {@code {{ }}} is written as JSON, as Kestra writes it ({@code ["a","b"]}), not as Java's {@code toString}.
 */
final class BudgetWriter extends Writer implements SpecializedWriter {
    private final StringWriter text;
    private final RenderBudget budget;

    BudgetWriter(int capacity, RenderBudget budget) {
        this.text = new StringWriter(capacity);
        this.budget = budget;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        budget.chars(length);
        text.write(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        budget.chars(length);
        text.write(s, offset, length);
    }

    @Override
    public void write(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || (value != null && value.getClass().isArray())) {
            writeSpecialized(KestraJson.write(value));
        } else {
            SpecializedWriter.super.write(value);
        }
    }

    @Override
    public void writeSpecialized(int i) {
        writeSpecialized(String.valueOf(i));
    }

    @Override
    public void writeSpecialized(long l) {
        writeSpecialized(String.valueOf(l));
    }

    @Override
    public void writeSpecialized(double d) {
        writeSpecialized(String.valueOf(d));
    }

    @Override
    public void writeSpecialized(float f) {
        writeSpecialized(String.valueOf(f));
    }

    @Override
    public void writeSpecialized(short s) {
        writeSpecialized(String.valueOf(s));
    }

    @Override
    public void writeSpecialized(byte b) {
        writeSpecialized(String.valueOf(b));
    }

    @Override
    public void writeSpecialized(char c) {
        writeSpecialized(String.valueOf(c));
    }

    @Override
    public void writeSpecialized(String s) {
        if (s != null) {
            write(s, 0, s.length());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
