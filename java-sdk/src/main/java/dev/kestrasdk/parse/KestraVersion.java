package dev.kestrasdk.parse;

import java.util.Arrays;
import java.util.List;

/**
 * A Kestra version the parser follows. {@link #NEWEST} is the default everywhere; the two differ in what one
 * line gives only where docs/wire-format.md ("Kestra 2.0") says so.
 */
public enum KestraVersion {
    /** Kestra 1.3, modelled by {@link Kestra13}. */
    V1_3("1.3", Kestra13.VERSION, Kestra13.TOP_LEVEL_KEYS, List.of(), null),
    /** Kestra 2.0, modelled by {@link Kestra20}: 1.3 plus the {@code otlp} key and the differences listed there. */
    V2_0("2.0", Kestra20.VERSION, Kestra20.TOP_LEVEL_KEYS, Kestra20.SIGNED_INFINITY_NAMES, Kestra20.UNTYPED_ASSET_TYPE);

    /** The version followed when none is chosen. */
    public static final KestraVersion NEWEST = V2_0;

    private final String label;
    private final String checkedAgainst;
    private final List<String> topLevelKeys;
    private final List<String> signedInfinityNames;
    private final String untypedAssetType;

    KestraVersion(String label, String checkedAgainst, List<String> topLevelKeys, List<String> signedInfinityNames,
                  String untypedAssetType) {
        this.label = label;
        this.checkedAgainst = checkedAgainst;
        this.topLevelKeys = topLevelKeys;
        this.signedInfinityNames = signedInfinityNames;
        this.untypedAssetType = untypedAssetType;
    }

    /**
     * The version a command-line label names.
     *
     * <pre>{@code
     * KestraVersion.of("1.3"); // V1_3
     * }</pre>
     *
     * @param label {@code 1.3} or {@code 2.0}
     * @return the version
     * @throws IllegalArgumentException naming the label and the choices when it names none
     */
    public static KestraVersion of(String label) {
        for (KestraVersion v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Kestra version \"" + label + "\": expected one of " + labels());
    }

    /**
     * Every label, oldest first.
     *
     * <pre>{@code
     * String accepted = KestraVersion.labels(); // for a usage message
     * }</pre>
     *
     * @return {@code 1.3, 2.0}
     */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(KestraVersion::label).toList());
    }

    /**
     * The short name used on the command line.
     *
     * <pre>{@code
     * KestraVersion.V2_0.label(); // "2.0"
     * }</pre>
     *
     * @return e.g. {@code 2.0}
     */
    public String label() {
        return label;
    }

    /**
     * The release whose behaviour was measured.
     *
     * <pre>{@code
     * String release = KestraVersion.V1_3.checkedAgainst(); // the Kestra release the reader was checked against
     * }</pre>
     *
     * @return e.g. {@code 2.0.0}
     */
    public String checkedAgainst() {
        return checkedAgainst;
    }

    /**
     * The top-level keys this version reads.
     *
     * <pre>{@code
     * KestraVersion.V1_3.topLevelKeys(); // [outputs, metrics, logs, assets]
     * }</pre>
     *
     * @return in order; any other key is ignored
     */
    public List<String> topLevelKeys() {
        return topLevelKeys;
    }

    /**
     * The strings with a leading {@code +} that this version's Jackson reads as positive infinity where a number
     * is due (a counter or gauge value), beside {@code "INF"} and {@code "Infinity"} which every version reads.
     *
     * <pre>{@code
     * KestraVersion.V2_0.signedInfinityNames(); // [+INF, +Infinity]
     * }</pre>
     *
     * @return none for 1.3; {@code "+INF", "+Infinity"} for 2.0
     */
    public List<String> signedInfinityNames() {
        return signedInfinityNames;
    }

    /**
     * The type an output asset gets when its {@code type} is absent, or is not a non-empty string.
     *
     * <pre>{@code
     * String type = KestraVersion.V2_0.untypedAssetType(); // null for 1.3
     * }</pre>
     *
     * @return {@code null} when this version rejects such an asset (1.3); Kestra 2.0's {@code External} class name
     */
    public String untypedAssetType() {
        return untypedAssetType;
    }

    /**
     * Whether this version reads the {@code otlp} key.
     *
     * <pre>{@code
     * if (parser.version().readsOtlp()) { ... }
     * }</pre>
     *
     * @return true from 2.0
     */
    public boolean readsOtlp() {
        return topLevelKeys.contains(Kestra20.OTLP_KEY);
    }
}
