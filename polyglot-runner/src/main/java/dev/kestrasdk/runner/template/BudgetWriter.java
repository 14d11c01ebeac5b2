package dev.kestrasdk.runner.template;

import java.io.StringWriter;
import java.io.Writer;

/** The rendered text, charged to the {@link RenderBudget} before it is kept. */
final class BudgetWriter extends Writer {
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
