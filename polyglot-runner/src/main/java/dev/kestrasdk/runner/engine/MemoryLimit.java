package dev.kestrasdk.runner.engine;

import java.util.Locale;

/**
 * How much of the JVM's heap the runner lets its scripts fill before it stops one ({@link MemoryWatchdog}):
 * a fraction of the maximum heap, or a number of bytes, compared with the heap in use after a full garbage
 * collection. GraalVM's community edition has no per-context heap limit, so this is the runner's own.
 *
 * @param fraction the limit as a fraction of {@link Runtime#maxMemory()} (0 when {@code bytes} is given)
 * @param bytes    the limit in bytes (0 when {@code fraction} is given)
 */
public record MemoryLimit(double fraction, long bytes) {
    /** The system property that sets the default: {@code 80%}, {@code 0.8}, {@code 512m}, {@code 2g} or {@code off}. */
    public static final String PROPERTY = "kestra.sdk.memoryLimit";
    /** No limit: no watchdog. */
    public static final MemoryLimit NONE = new MemoryLimit(0, 0);
    private static final double DEFAULT_FRACTION = 0.8;

    public MemoryLimit {
        if (fraction < 0 || fraction > 1 || bytes < 0 || (fraction > 0 && bytes > 0)) {
            throw new IllegalArgumentException("memory limit: a fraction in (0, 1] or a number of bytes, not both");
        }
    }

    public static MemoryLimit ofHeapFraction(double fraction) {
        if (!(fraction > 0)) {
            throw new IllegalArgumentException("memory limit fraction must be > 0: " + fraction);
        }
        return new MemoryLimit(fraction, 0);
    }

    public static MemoryLimit ofBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory limit must be > 0 bytes: " + bytes);
        }
        return new MemoryLimit(0, bytes);
    }

    /** 80% of the maximum heap, unless the system property {@value #PROPERTY} says otherwise. */
    public static MemoryLimit defaults() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? ofHeapFraction(DEFAULT_FRACTION) : parse(value);
    }

    /** {@code 80%}, {@code 0.8}, {@code 512m}, {@code 2g}, {@code 1048576} (bytes) or {@code off}. */
    public static MemoryLimit parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("off") || s.equals("none")) {
                return NONE;
            }
            if (s.endsWith("%")) {
                return ofHeapFraction(Double.parseDouble(s.substring(0, s.length() - 1)) / 100);
            }
            if (s.contains(".")) {
                return ofHeapFraction(Double.parseDouble(s));
            }
            long unit = switch (s.charAt(s.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
            return ofBytes(Math.multiplyExact(Long.parseLong(digits), unit));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("memory limit '" + text + "': expected 80%, 0.8, 512m, 2g or off", e);
        }
    }

    public boolean isNone() {
        return fraction == 0 && bytes == 0;
    }

    /** The limit in bytes for a heap of at most {@code maxHeap} bytes. */
    public long resolve(long maxHeap) {
        return bytes > 0 ? bytes : (long) (fraction * maxHeap);
    }

    @Override
    public String toString() {
        return isNone() ? "off" : bytes > 0 ? (bytes >> 20) + " MB" : Math.round(fraction * 100) + "% of the maximum heap";
    }
}
