package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Kestra's functions that read the run's surroundings: {@code read}, {@code secret}, {@code kv}. */
final class ContextFunctions {
    private ContextFunctions() {
    }

    /**
     * {@code read('file.txt')}: a UTF-8 file of the working directory (Kestra reads namespace files); a path or a
     * link leading out of it is refused.
     */
    static final class Read implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            if (!(args.get("path") instanceof String name)) {
                throw new PebbleException(null, "read(): expected a file name, as in read('data.json')", line, null);
            }
            Path dir = RenderScope.current().workingDirectory();
            Path file = dir.resolve(name).normalize();
            Path real;
            try {
                real = file.toRealPath();
                // a link leading out is refused as the sandbox's file system refuses it
                if (!file.startsWith(dir) || !real.startsWith(dir.toRealPath())) {
                    throw new PebbleException(null, "read('" + name + "'): the file is outside the working directory " + dir, line, null);
                }
                RenderBudget budget = RenderBudget.current();
                if (budget != null) { // sized before it is read, as BoundedValues sizes what a template builds
                    budget.value(Files.size(real), line);
                }
                return Files.readString(real, StandardCharsets.UTF_8);
            } catch (IOException e) {
                if (!file.startsWith(dir)) {
                    throw new PebbleException(null, "read('" + name + "'): the file is outside the working directory " + dir, line, null);
                }
                throw new PebbleException(null, "read('" + name + "'): no readable file " + file, line, null);
            }
        }
    }

    /**
     * {@code secret('NAME')}: the given secret, else the environment variable {@code SECRET_NAME} decoded from
     * base64, as Kestra's open-source edition reads secrets. A missing secret is an error.
     */
    static final class Secret implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("key");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            if (!(args.get("key") instanceof String key)) {
                throw new PebbleException(null, "secret(): expected a secret name, as in secret('API_TOKEN')", line, null);
            }
            TemplateContext tc = RenderScope.current().context();
            if (tc.secrets().containsKey(key)) {
                return tc.secrets().get(key);
            }
            String encoded = tc.environment().get("SECRET_" + key);
            if (encoded == null) {
                throw new PebbleException(null, "secret('" + key + "'): no such secret (give --secret " + key
                        + "=VALUE, or set SECRET_" + key + " to its base64 value)", line, null);
            }
            try {
                return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new PebbleException(null, "secret('" + key + "'): SECRET_" + key + " is not base64: " + e.getMessage(), line, null);
            }
        }
    }

    /**
     * {@code kv('KEY')}: the key's value; a missing key is an error unless {@code errorOnMissing=false}, which
     * gives null. {@code namespace} is accepted and ignored: a local run has one store.
     */
    static final class Kv implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("key", "namespace", "errorOnMissing");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            if (!(args.get("key") instanceof String key)) {
                throw new PebbleException(null, "kv(): expected a key, as in kv('my_key')", line, null);
            }
            Map<String, Object> store = RenderScope.current().context().kv();
            if (store.containsKey(key)) {
                return store.get(key);
            }
            if (Boolean.FALSE.equals(args.get("errorOnMissing"))) {
                return null;
            }
            throw new PebbleException(null, "kv('" + key + "'): no such key (give --kv " + key
                    + "=VALUE, or kv('" + key + "', errorOnMissing=false))", line, null);
        }
    }
}
