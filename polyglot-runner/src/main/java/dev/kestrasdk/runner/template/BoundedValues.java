package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.SetTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

import java.util.List;

/**
 * Bounds the values a template builds without writing them, which the output limit alone does not see:
 * {@code {% set s = s ~ s %}} repeated doubles a string each time and would fill the heap before a single
 * character is written. Pebble's {@code ~} operator and {@code set} tag are replaced by ones that charge the
 * {@link RenderBudget}: no concatenation and no variable may hold more than the rendered output may.
 */
final class BoundedValues extends AbstractExtension {
    private static final int CONCATENATION_PRECEDENCE = 110; // Pebble's own, so templates parse as before

    @Override
    public List<TokenParser> getTokenParsers() {
        return List.of(new CountedSet());
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return List.of(new BinaryOperatorImpl("~", CONCATENATION_PRECEDENCE, BoundedConcatenation::new,
                BinaryOperatorType.NORMAL, Associativity.LEFT));
    }

    /** {@code a ~ b}, refused before the joined string is built when it would be too long. */
    static final class BoundedConcatenation extends ConcatenateExpression {
        @Override
        public String evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object left = getLeftExpression().evaluate(self, context);
            Object right = getRightExpression().evaluate(self, context);
            String l = left == null ? "" : left.toString();
            String r = right == null ? "" : right.toString();
            RenderBudget budget = RenderBudget.current();
            if (budget != null) {
                budget.value((long) l.length() + r.length(), getLineNumber());
            }
            return l.concat(r);
        }
    }

    /** Parses {@code set} as Pebble does, sizing the value before it is stored. */
    private static final class CountedSet implements TokenParser {
        private final SetTokenParser pebble = new SetTokenParser();

        @Override
        public String getTag() {
            return pebble.getTag();
        }

        @Override
        public RenderableNode parse(Token token, Parser parser) {
            SetNode node = (SetNode) pebble.parse(token, parser);
            return new SetNode(node.getLineNumber(), node.getName(), new Sized(node.getValue()));
        }
    }

    private record Sized(Expression<?> value) implements Expression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object v = value.evaluate(self, context);
            RenderBudget budget = RenderBudget.current();
            if (budget != null) {
                budget.value(size(v), getLineNumber());
            }
            return v;
        }

        private static long size(Object v) {
            if (v instanceof CharSequence s) {
                return s.length();
            }
            if (v instanceof java.util.Collection<?> c) {
                return c.size();
            }
            if (v instanceof java.util.Map<?, ?> m) {
                return m.size();
            }
            return 0;
        }

        @Override
        public int getLineNumber() {
            return value.getLineNumber();
        }

        @Override
        public void accept(NodeVisitor visitor) {
            value.accept(visitor);
        }
    }
}
