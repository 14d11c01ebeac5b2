package dev.kestrasdk.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A script's environment variables from the command line, as Kestra's {@code env:} gives them: {@code --env-file}
 * files (lines {@code KEY=VALUE}; {@code #} comments and blank lines skipped; the value is the rest of the line,
 * as it is, quotes included), then {@code --env KEY=VALUE} on top, later ones winning. The runner's own
 * environment is under them only with {@code --inherit-env} (the runner lays these over it).
 */
final class EnvironmentOptions {
    /** A POSIX shell's variable names, which is what {@code env:} keys become. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentOptions() {
    }

    static Map<String, String> collect(List<Path> envFiles, List<Variable> variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Path file : envFiles) {
            environment.putAll(readFile(file));
        }
        variables.forEach(v -> environment.put(v.name(), v.value()));
        return environment;
    }

    static Map<String, String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("--env-file " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("--env-file " + file + ": " + e.getMessage());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            try {
                Variable v = Variable.parse(line);
                environment.put(v.name(), v.value());
            } catch (IllegalArgumentException e) {
                throw new UserError("--env-file " + file + ", line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return environment;
    }

    /** One {@code NAME=VALUE}. */
    record Variable(String name, String value) {
        static Variable parse(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + TerminalText.escape(text) + "': expected NAME=VALUE, for example API_URL=http://localhost:8080");
            }
            String name = text.substring(0, eq);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + TerminalText.escape(text) + "': variable name '" + TerminalText.escape(name)
                        + "' must be letters, digits and '_', not starting with a digit");
            }
            String value = text.substring(eq + 1);
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("'" + TerminalText.escape(name) + "': a value cannot hold a NUL character");
            }
            return new Variable(name, value);
        }
    }

    /** picocli's converter for {@code --env}: a bad value is a usage error naming the option and the value. */
    static final class VariableConverter implements CommandLine.ITypeConverter<Variable> {
        @Override
        public Variable convert(String value) {
            try {
                return Variable.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
