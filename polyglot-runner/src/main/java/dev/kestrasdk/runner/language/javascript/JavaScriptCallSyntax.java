package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.language.CallSyntax;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Vector calls as JavaScript: number, BigInt, Date, object, array, Map, Set, Symbol. Python's decimals, local
 * dates and times and durations have no JavaScript value: those cases say so in their {@code js} note.
 */
final class JavaScriptCallSyntax implements CallSyntax {
    private static final String PRELUDE = """
            'use strict';
            const Kestra = require('@kestra-io/libs');
            const _log = Kestra.logger();
            function _nest(depth, leaf) {
              let v = leaf;
              for (let i = 0; i < depth; i++) v = [v];
              return v;
            }
            function _cycle() {
              const d = new Object();
              d.self = d;
              return d;
            }
            function _case(name, body) {
              console.log('@@case ' + name);
              console.error('@@case ' + name);
              try {
                body();
                console.log('@@ok');
              } catch (e) {
                const type = e !== null && e !== undefined && e.constructor ? e.constructor.name : typeof e;
                console.log('@@error ' + type + ' ' + String(e && e.message).replace(/\\n/g, '\\\\n'));
              }
            }
            """;

    @Override
    public String adapterName() {
        return "graaljs";
    }

    @Override
    public String sdkName() {
        return "kestra-sdk-js";
    }

    @Override
    public String valueErrorType() {
        return "RangeError";
    }

    @Override
    public String prelude() {
        return PRELUDE;
    }

    @Override
    public String caseBlock(int n, String id, List<String> statements) {
        StringBuilder b = new StringBuilder("_case(\"").append(id).append("\", () => {\n");
        for (String statement : statements) {
            b.append("  ").append(statement).append(";\n");
        }
        return b.append("});\n").toString();
    }

    @Override
    public String loggerMethod(String level) {
        return level;
    }

    @Override
    public String nullLiteral() {
        return "null";
    }

    @Override
    public String booleanLiteral(boolean value) {
        return Boolean.toString(value);
    }

    @Override
    public String astralEscape(int codePoint) {
        return String.format("\\u%04x\\u%04x", (int) Character.highSurrogate(codePoint), (int) Character.lowSurrogate(codePoint));
    }

    @Override
    public String integer(String digits) {
        return digits + "n";
    }

    @Override
    public String floatingPoint(String stringLiteral) {
        return "Number(" + stringLiteral + ")";
    }

    @Override
    public String object(List<Map.Entry<String, String>> members) {
        if (members.isEmpty()) {
            return "new Object()";
        }
        StringBuilder b = new StringBuilder("{ ");
        for (int i = 0; i < members.size(); i++) {
            b.append(i > 0 ? ", " : "").append('[').append(members.get(i).getKey()).append("]: ").append(members.get(i).getValue());
        }
        return b.append(" }").toString();
    }

    @Override
    public String map(List<Map.Entry<String, String>> pairs) {
        if (pairs.isEmpty()) {
            return "new Map()";
        }
        StringBuilder b = new StringBuilder("new Map([");
        for (int i = 0; i < pairs.size(); i++) {
            b.append(i > 0 ? ", " : "").append('[').append(pairs.get(i).getKey()).append(", ").append(pairs.get(i).getValue()).append(']');
        }
        return b.append("])").toString();
    }

    @Override
    public String set(List<String> items) {
        return "new Set([" + String.join(", ", items) + "])";
    }

    @Override
    public String repeat(String stringLiteral, Object count) {
        return stringLiteral + ".repeat(" + count + ")";
    }

    @Override
    public String unsupported(String label) {
        return "Symbol(" + label + ")";
    }

    @Override
    public String dateTime(OffsetDateTime t) {
        return instant(t.toInstant());
    }

    @Override
    public String instant(Instant t) {
        return "new Date(" + t.toEpochMilli() + ")";
    }
}
