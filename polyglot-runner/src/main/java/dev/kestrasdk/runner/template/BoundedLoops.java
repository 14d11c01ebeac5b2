package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.core.RangeFunction;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.ForTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

import java.lang.reflect.Array;
import java.util.AbstractList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Replaces Pebble's {@code for} tag and {@code range} function (which {@code a..b} calls too) with ones that
 * charge the {@link RenderBudget}: every loop iteration, and every element of a range before the list is built.
 */
final class BoundedLoops extends AbstractExtension {
    @Override
    public List<TokenParser> getTokenParsers() {
        return List.of(new CountedFor());
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("range", new CountedRange());
    }

    /** Parses {@code for} as Pebble does, iterating through a counting view of the loop's collection. */
    private static final class CountedFor implements TokenParser {
        private final ForTokenParser pebble = new ForTokenParser();

        @Override
        public String getTag() {
            return pebble.getTag();
        }

        @Override
        public RenderableNode parse(Token token, Parser parser) {
            ForNode node = (ForNode) pebble.parse(token, parser);
            return new ForNode(node.getLineNumber(), node.getIterationVariable(), new Counted(node.getIterable()),
                    node.getBody(), node.getElseBody());
        }
    }

    private record Counted(Expression<?> iterable) implements Expression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Iterable<?> items = asIterable(iterable.evaluate(self, context));
            if (items == null) {
                return null;
            }
            int line = getLineNumber();
            return (Iterable<Object>) () -> new Iterator<>() {
                private final Iterator<?> it = items.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Object next() {
                    RenderBudget budget = RenderBudget.current();
                    if (budget != null) {
                        budget.iterations(1, line);
                    }
                    return it.next();
                }
            };
        }

        @Override
        public int getLineNumber() {
            return iterable.getLineNumber();
        }

        @Override
        public void accept(NodeVisitor visitor) {
            iterable.accept(visitor);
        }

        /** What Pebble's for loop iterates: iterables, a map's entries, arrays, enumerations; {@code null} otherwise. */
        private static Iterable<?> asIterable(Object value) {
            if (value instanceof Iterable<?> i) {
                return i;
            }
            if (value instanceof Map<?, ?> m) {
                return m.entrySet();
            }
            if (value != null && value.getClass().isArray()) {
                return new AbstractList<>() {
                    @Override
                    public Object get(int index) {
                        return Array.get(value, index);
                    }

                    @Override
                    public int size() {
                        return Array.getLength(value);
                    }
                };
            }
            if (value instanceof Enumeration<?> e) {
                return (Iterable<Object>) () -> Collections.list((Enumeration<Object>) e).iterator();
            }
            return null;
        }
    }

    /** Pebble's {@code range}, after charging its element count: it builds the whole list at once. */
    private static final class CountedRange implements Function {
        private final RangeFunction pebble = new RangeFunction();

        @Override
        public List<String> getArgumentNames() {
            return pebble.getArgumentNames();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            RenderBudget budget = RenderBudget.current();
            if (budget != null && args.get("start") instanceof Number start && args.get("end") instanceof Number end) {
                double step = args.get("increment") instanceof Number n ? n.doubleValue() : 1;
                double count = step == 0 ? 0 : Math.floor((end.doubleValue() - start.doubleValue()) / step) + 1;
                budget.iterations((long) Math.min(Math.max(count, 0), Long.MAX_VALUE / 2), line);
            }
            return pebble.execute(args, self, context, line);
        }
    }
}
