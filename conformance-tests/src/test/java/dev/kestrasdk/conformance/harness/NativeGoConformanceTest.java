package dev.kestrasdk.conformance.harness;

/**
 * sdks/go, built and run by {@code go run}: 46 cases Go cannot express (decimals, dates and times of day, local
 * date-times, sets, a nil metric name), no known deviation.
 */
class NativeGoConformanceTest extends NativeSdkConformanceTest {
    @Override
    String adapter() {
        return "native-go";
    }

    @Override
    int unsupported() {
        return 46;
    }

    @Override
    int knownDeviations() {
        return 0;
    }
}
