package dev.kestrasdk.parse;

import java.util.regex.Pattern;

/**
 * Kestra 2.0's redaction of {@code encryptedOutputs} frames in text it logs: every {@code ::{...}::} stretch of
 * one line that contains {@code encryptedOutputs} (the shortest stretch from each opening marker, matched as text,
 * since the payload need not be valid JSON) becomes {@link #REDACTED}. The open-source edition never reads the key; the
 * redaction keeps an Enterprise script's secret out of the open-source log.
 */
public final class EncryptedOutputs {
    /** The key whose frames are redacted. */
    public static final String KEY = "encryptedOutputs";

    /** What a frame becomes. */
    public static final String REDACTED = "******";

    // '.' stops at line terminators, as Kestra's pattern does: a frame never spans two lines
    private static final Pattern FRAME = Pattern.compile("::\\{.*?" + KEY + ".*?}::");

    private EncryptedOutputs() {
    }

    /**
     * The text with every {@code encryptedOutputs} frame replaced.
     *
     * <pre>{@code
     * String safe = EncryptedOutputs.redact(line); // encryptedOutputs frames replaced, the rest kept
     * }</pre>
     *
     * @param text any text, or {@code null}
     * @return the redacted text, the same instance when there is nothing to redact, {@code null} for {@code null}
     */
    public static String redact(String text) {
        if (text == null || !text.contains(KEY)) {
            return text;
        }
        return FRAME.matcher(text).replaceAll(REDACTED);
    }
}
