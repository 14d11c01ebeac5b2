package dev.kestrasdk.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every command with each kind of bad input a user can give it: the error is one line on standard error,
 * {@code kestra-sdk: <what and where>}, for a bad command line followed by a hint line, never picocli's usage
 * block or a stack trace; nothing on standard output; exit 2 for a bad command line, 3 for bad input.
 * {@code DIR} in the arguments and messages is a folder holding {@code ok.py}, {@code list.json} ({@code [1]}) and
 * {@code bad.env} (a line without '=').
 */
class UserErrorsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("ok.py"), "x = 1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("list.json"), "[1]\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bad.env"), "A=1\nbad line\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "x\n", StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            run                                      | 2 | kestra-sdk: Missing required parameter: 'FILE'~kestra-sdk: hint: see 'kestra-sdk run --help' for the options
            run DIR/none.py                          | 3 | kestra-sdk: DIR/none.py: no such file
            run DIR                                  | 3 | kestra-sdk: DIR: is a directory, not a script
            run DIR/notes.txt                        | 3 | kestra-sdk: DIR/notes.txt: unknown script type (expected .py, .js, .mjs, .cjs or .java; or give --language)
            run DIR/ok.py --language cobol           | 3 | kestra-sdk: --language cobol: expected python or js
            run DIR/ok.py --input x                  | 3 | kestra-sdk: --input 'x': expected NAME=VALUE, for example --input attempts=10
            run DIR/ok.py --inputs-file DIR/none.json | 3 | kestra-sdk: --inputs-file DIR/none.json: no such file
            run DIR/ok.py --inputs-file DIR/list.json | 3 | kestra-sdk: --inputs-file DIR/list.json: expected a JSON object of inputs
            run DIR/ok.py --env-file DIR/bad.env     | 3 | kestra-sdk: --env-file DIR/bad.env, line 2: 'bad line': expected NAME=VALUE, for example API_URL=http://localhost:8080
            run DIR/ok.py --env 1X=y                 | 2 | kestra-sdk: Invalid value for option '--env' (NAME=VALUE): '1X=y': variable name '1X' must be letters, digits and '_', not starting with a digit~kestra-sdk: hint: see 'kestra-sdk run --help' for the options
            run DIR/ok.py --timeout soon             | 2 | kestra-sdk: Invalid value for option '--timeout': 'soon' is not a duration (examples: 500ms, 30s, 5m, 1h, PT30S)~kestra-sdk: hint: see 'kestra-sdk run --help' for the options
            run DIR/ok.py --bogus                    | 2 | kestra-sdk: Unknown option: '--bogus'~kestra-sdk: hint: see 'kestra-sdk run --help' for the options
            run DIR/ok.py --var x                    | 3 | kestra-sdk: --var 'x': expected NAME=VALUE, for example --var file=orders.csv
            run DIR/ok.py --outputs t=DIR/none.json  | 3 | kestra-sdk: --outputs t=DIR/none.json: no such file
            parse DIR/none.log                       | 3 | kestra-sdk: DIR/none.log: no such file
            parse DIR                                | 3 | kestra-sdk: DIR: is a directory, not a file
            parse DIR/ok.py --max-line-chars 2       | 3 | kestra-sdk: --max-line-chars must be at least 6, was 2
            parse DIR/ok.py --max-line-chars many    | 2 | kestra-sdk: Invalid value for option '--max-line-chars': 'many' is not an int~kestra-sdk: hint: see 'kestra-sdk parse --help' for the options
            parse DIR/ok.py DIR/ok.py                | 2 | kestra-sdk: Unmatched argument at index 2: 'DIR/ok.py'~kestra-sdk: hint: see 'kestra-sdk parse --help' for the options
            conformance --sdk java --known-deviations DIR/none.txt | 3 | kestra-sdk: DIR/none.txt: no such file
            conformance --sdk java --case zzz-none   | 3 | kestra-sdk: no case matches --case zzz-none
            conformance --sdk java --vectors DIR/none.json | 3 | kestra-sdk: DIR/none.json: no such file
            conformance --timeout x                  | 2 | kestra-sdk: Invalid value for option '--timeout': 'x' is not a duration (examples: 500ms, 30s, 5m, 1h, PT30S)~kestra-sdk: hint: see 'kestra-sdk conformance --help' for the options
            bogus                                    | 2 | kestra-sdk: Unmatched argument at index 0: 'bogus'~kestra-sdk: hint: see 'kestra-sdk --help' for the options
            """)
    void oneLineAndNoUsageBlock(String command, int exit, String stderr) {
        String[] args = command.replace("DIR", dir.toString()).split(" +");
        CliRun r = CliRun.of(args);
        assertEquals(List.of(stderr.replace("DIR", dir.toString()).split("~")), r.err().lines().toList(), command);
        assertEquals(exit, r.exit(), command);
        assertEquals("", r.out(), command);
    }
}
