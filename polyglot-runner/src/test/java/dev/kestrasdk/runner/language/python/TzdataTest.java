package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code zoneinfo} with the time-zone data of PyPI's {@code tzdata}, declared as a user would (PEP 723 here,
 * {@code --with tzdata} at the command line), installed once into the tests' package cache: GraalPy's
 * {@code zoneinfo} has no time-zone path of its own ({@code StandardLibraryTest}), and no system path is given.
 */
class TzdataTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String OFFSETS = """
            # /// script
            # dependencies = ["tzdata"]
            # ///
            import zoneinfo, tzdata
            from datetime import datetime, timezone
            print(zoneinfo.TZPATH, '/python-venvs/' in tzdata.__file__)
            for key in ('Europe/Paris', 'America/New_York'):
                zone = zoneinfo.ZoneInfo(key)
                for month in (1, 7):
                    moment = datetime(2026, month, 15, 12, tzinfo=zone)
                    print(key, moment.isoformat(), moment.tzname())
            # a minute before and at the spring changes (Paris: 29 March 01:00 UTC; New York: 8 March 07:00 UTC)
            for key, hour in (('Europe/Paris', 1), ('America/New_York', 7)):
                day = 29 if hour == 1 else 8
                for utc in (datetime(2026, 3, day, hour - 1, 59, tzinfo=timezone.utc), datetime(2026, 3, day, hour, tzinfo=timezone.utc)):
                    print(key, utc.astimezone(zoneinfo.ZoneInfo(key)).isoformat())
            """;

    private static final List<String> EXPECTED = List.of(
            "() True",
            "Europe/Paris 2026-01-15T12:00:00+01:00 CET",
            "Europe/Paris 2026-07-15T12:00:00+02:00 CEST",
            "America/New_York 2026-01-15T12:00:00-05:00 EST",
            "America/New_York 2026-07-15T12:00:00-04:00 EDT",
            "Europe/Paris 2026-03-29T01:59:00+01:00",
            "Europe/Paris 2026-03-29T03:00:00+02:00",
            "America/New_York 2026-03-08T01:59:00-05:00",
            "America/New_York 2026-03-08T03:00:00-04:00");

    private static ScriptResult succeeded(ScriptResult result) {
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    @Test
    void zoneinfoReadsTheTzdataPackageInTheTaskProfile() {
        assertEquals(EXPECTED, succeeded(runner.run(ScriptRequest.ofText(PYTHON, OFFSETS).withProfile(RunProfile.TASK))).stdout());
    }

    @Test
    void andInTheSandboxProfile() {
        assertEquals(EXPECTED, succeeded(runner.run(ScriptRequest.ofText(PYTHON, OFFSETS))).stdout());
    }
}
