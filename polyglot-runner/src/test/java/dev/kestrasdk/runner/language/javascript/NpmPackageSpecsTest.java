package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code --npm PKG} accepts, and the dependencies of the manifest it makes. */
class NpmPackageSpecsTest {
    private static final String ACCEPTED = "expected NAME or NAME@RANGE, such as lodash or dayjs@^1.11";

    @Test
    void namesAndRangesBecomeDependenciesSortedByNameAndANameAloneAsksForLatest() {
        NpmPackages packages = NpmPackages.of("zod@>=3.0.0 <4", "lodash", "dayjs@1.11.13", "@kestra-io/libs@^2", "uuid@next");
        assertEquals(List.of("zod@>=3.0.0 <4", "lodash", "dayjs@1.11.13", "@kestra-io/libs@^2", "uuid@next"), packages.specs());
        assertEquals(List.of("@kestra-io/libs", "dayjs", "lodash", "uuid", "zod"), List.copyOf(packages.dependencies().keySet()));
        assertEquals(Map.of("@kestra-io/libs", "^2", "dayjs", "1.11.13", "lodash", "latest", "uuid", "next",
                "zod", ">=3.0.0 <4"), packages.dependencies());
    }

    @Test
    void aLaterSpecOfTheSameNameReplacesTheEarlierRange() {
        NpmPackages packages = NpmPackages.of("lodash@4").plus(NpmPackages.of("lodash@^4.17"));
        assertEquals(List.of("lodash@4", "lodash@^4.17"), packages.specs());
        assertEquals(Map.of("lodash", "^4.17"), packages.dependencies());
        assertTrue(NpmPackages.NONE.isEmpty());
        assertEquals(Map.of(), NpmPackages.NONE.dependencies());
    }

    @Test
    void anOptionIsRefused() {
        assertEquals("'-g' is an npm option; " + ACCEPTED, refusal("-g"));
        assertEquals("'--save-dev' is an npm option; " + ACCEPTED, refusal("--save-dev"));
    }

    @Test
    void whatIsNotARegistryNameIsRefused() {
        assertEquals("'Lodash' is not an npm package name; " + ACCEPTED, refusal("Lodash"));
        assertEquals("'./local' is not an npm package name; " + ACCEPTED, refusal("./local"));
        assertEquals("'https://example.com/x.tgz' is not an npm package name; " + ACCEPTED, refusal("https://example.com/x.tgz"));
        assertEquals("'@scope' is not an npm package name; " + ACCEPTED, refusal("@scope"));
        assertEquals("'' is not an npm package name; " + ACCEPTED, refusal(""));
        String tooLong = "a".repeat(215);
        assertEquals("'" + tooLong + "' is not an npm package name; " + ACCEPTED, refusal(tooLong));
        assertEquals(List.of("a".repeat(214)), NpmPackages.of("a".repeat(214)).specs());
    }

    @Test
    void whatIsNotARangeIsRefused() {
        assertEquals("'' is not a version, range or tag of lodash; " + ACCEPTED, refusal("lodash@"));
        assertEquals("'git+https://github.com/lodash/lodash' is not a version, range or tag of lodash; " + ACCEPTED,
                refusal("lodash@git+https://github.com/lodash/lodash"));
        assertEquals("'file:../lodash' is not a version, range or tag of lodash; " + ACCEPTED, refusal("lodash@file:../lodash"));
        assertEquals("' 4' is not a version, range or tag of lodash; " + ACCEPTED, refusal("lodash@ 4"));
        assertEquals("'4\n' is not a version, range or tag of lodash; " + ACCEPTED, refusal("lodash@4\n"));
    }

    @Test
    void aPackageJsonTheyCannotJoinIsNamedWithWhatIsWrong() {
        Path where = Path.of("/work/package.json");
        assertEquals("/work/package.json must hold a JSON object", joinFailure("[\"lodash\"]", where));
        assertEquals("/work/package.json: \"dependencies\" must be an object of names and ranges",
                joinFailure("{\"dependencies\": \"lodash\"}", where));
        assertEquals("/work/package.json is not JSON: " + assertThrows(IllegalArgumentException.class,
                () -> ToolJson.read("{\"name\": ")).getMessage(), joinFailure("{\"name\": ", where));
    }

    private static String joinFailure(String packageJson, Path where) {
        return assertThrows(NpmInstall.NpmException.class, () -> NpmInstall.withDependencies(
                packageJson.getBytes(StandardCharsets.UTF_8), Map.of("lodash", "latest"), where)).getMessage();
    }

    private static String refusal(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> NpmPackages.of(spec)).getMessage();
    }
}
