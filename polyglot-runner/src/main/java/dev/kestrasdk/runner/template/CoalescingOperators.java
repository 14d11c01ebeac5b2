package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

import java.util.List;

/**
 * Kestra's {@code ??} (the right side when the left is undefined or null) and {@code ???} (the right side only
 * when the left is undefined: a null is kept). Undefined is what strict variables would report as unknown: a
 * missing variable, key or attribute.
 */
final class CoalescingOperators {
    private CoalescingOperators() {
    }

    static List<BinaryOperator> all() {
        return List.of(
                new BinaryOperatorImpl("???", 120, () -> new Coalescing(false), BinaryOperatorType.NORMAL, Associativity.LEFT),
                new BinaryOperatorImpl("??", 120, () -> new Coalescing(true), BinaryOperatorType.NORMAL, Associativity.LEFT));
    }

    static final class Coalescing extends BinaryExpression<Object> {
        private final boolean nullToo;

        Coalescing(boolean nullToo) {
            this.nullToo = nullToo;
        }

        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object left;
            try {
                left = getLeftExpression().evaluate(self, context);
            } catch (AttributeNotFoundException undefined) {
                return getRightExpression().evaluate(self, context);
            }
            return left == null && nullToo ? getRightExpression().evaluate(self, context) : left;
        }
    }
}
