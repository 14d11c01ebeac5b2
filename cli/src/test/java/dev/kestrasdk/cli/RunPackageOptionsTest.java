package dev.kestrasdk.cli;

import dev.kestrasdk.runner.language.javascript.NpmPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code run}'s package options and declarations, where they are wrong: each is one line before anything is installed
 * or run (installing for real is PythonPackagesTest's, in polyglot-runner).
 */
class RunPackageOptionsTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void withOnAJavaScriptScriptIsRefused() throws IOException {
        Path js = script("a.js", "");
        CliRun r = CliRun.of("run", js.toString(), "--with", "requests");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: --with and --requirements install PyPI packages: " + js + " is not a Python script\n", r.err());
    }

    @Test
    void withAPipOptionIsRefused() throws IOException {
        Path py = script("a.py", "");
        CliRun r = CliRun.of("run", py.toString(), "--with=-e .");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: --with -e .: '-e .' is a pip option; only package requirements are accepted (such as"
                + " requests or Faker==33.1.0)\n", r.err());
    }

    @Test
    void aMissingRequirementsFileIsOneLine() throws IOException {
        Path py = script("a.py", "");
        Path missing = dir.resolve("none.txt");
        CliRun r = CliRun.of("run", py.toString(), "--requirements", missing.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: --requirements " + missing + ": no such file\n", r.err());
    }

    @Test
    void aRequirementsFileBesideTheScriptWithAnOptionNamesItsLine() throws IOException {
        Path requirements = script("requirements.txt", "requests\n-r more.txt\n");
        Path py = script("a.py", "print('never')\n");
        CliRun r = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: " + requirements + ", line 2: '-r more.txt' is a pip option; only package requirements"
                + " are accepted (such as requests or Faker==33.1.0)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBadPep723BlockIsOneLineAndNothingRuns() throws IOException {
        Path py = script("a.py", "# /// script\n# dependencies = [requests]\n# ///\nprint('never')\n");
        CliRun r = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: Python packages: a.py, line 2: PEP 723 'dependencies' must hold only quoted strings\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void npmOnAPythonScriptIsRefused() throws IOException {
        Path py = script("a.py", "");
        CliRun r = CliRun.of("run", py.toString(), "--npm", "lodash");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: --npm installs npm packages: " + py + " is not a JavaScript script\n", r.err());
    }

    @Test
    void npmWithAnOptionOrAPathIsRefused() throws IOException {
        Path js = script("a.js", "console.log('never')");
        CliRun option = CliRun.of("run", js.toString(), "--npm=-g");
        assertEquals(ExitCodes.INPUT, option.exit());
        assertEquals("kestra-sdk: --npm -g: '-g' is an npm option; expected NAME or NAME@RANGE, such as lodash or"
                + " dayjs@^1.11\n", option.err());
        CliRun path = CliRun.of("run", js.toString(), "--npm", "lodash@file:../lodash");
        assertEquals(ExitCodes.INPUT, path.exit());
        assertEquals("kestra-sdk: --npm lodash@file:../lodash: 'file:../lodash' is not a version, range or tag of lodash;"
                + " expected NAME or NAME@RANGE, such as lodash or dayjs@^1.11\n", path.err());
        assertEquals("", path.out());
    }

    @Test
    void npmPackagesReachTheRequestInTheOrderGiven() throws IOException {
        Path js = script("a.js", "");
        assertEquals(NpmPackages.of("lodash", "dayjs@^1.11"),
                RunCommand.requestFor(js.toString(), "--npm", "lodash", "--npm", "dayjs@^1.11").npmPackages());
        assertEquals(NpmPackages.NONE, RunCommand.requestFor(js.toString()).npmPackages());
    }
}
