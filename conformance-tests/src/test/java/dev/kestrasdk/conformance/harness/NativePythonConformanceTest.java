package dev.kestrasdk.conformance.harness;

/** sdks/python on CPython: 19 cases Python cannot express (32-bit floats, years outside 1..9999, nanoseconds). */
class NativePythonConformanceTest extends NativeSdkConformanceTest {
    @Override
    String adapter() {
        return "native-python";
    }

    @Override
    int unsupported() {
        return 19;
    }

    @Override
    int knownDeviations() {
        return 0;
    }
}
