package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * sdks/javascript on Node: 62 cases JavaScript cannot express (decimals, 32-bit floats, dates and times without an
 * instant, durations, sub-millisecond dates), 14 known deviations of its number and Date models.
 */
class NativeJavaScriptConformanceTest extends NativeSdkConformanceTest {
    @Override
    String adapter() {
        return "native-js";
    }

    @Override
    int unsupported() {
        return 62;
    }

    @Override
    int knownDeviations() {
        return 14;
    }

    @Test
    void aFloatThatIsAnIntegerIsOneNumberInJavaScript() {
        CaseResult floatOne = run.results().stream().filter(r -> r.kase().id().equals("float-one")).findFirst().orElseThrow();
        assertEquals("outputs.x: expected Double 1.0, got Integer 1", floatOne.verdict(Level.KESTRA).reason());
    }
}
