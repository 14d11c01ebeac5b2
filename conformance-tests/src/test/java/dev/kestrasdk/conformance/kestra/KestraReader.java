package dev.kestrasdk.conformance.kestra;

import dev.kestrasdk.parse.KestraVersion;

/**
 * One Kestra version's own reading of a line, reduced to a {@link Judgement}: the judge the SDK's parser, set to
 * the same {@link #version()}, is held to. {@link KestraJudge} is Kestra 1.3's; Kestra 2.0's lives in the module
 * conformance-kestra20, whose tests run with io.kestra:core 2.0 on their class path instead of 1.3.
 */
public interface KestraReader {
    /** The version whose classes judge. */
    KestraVersion version();

    /** What that Kestra does with one line of a script's output. */
    Judgement judge(String line);
}
