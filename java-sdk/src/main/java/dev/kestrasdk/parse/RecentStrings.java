package dev.kestrasdk.parse;

/**
 * The short strings one thread's parser met lately (output keys, metric names, tags), found again by their
 * characters: a script prints the same few names line after line, and a name found here costs no new String.
 * Direct-mapped: each string has one slot, by its hash, and a newer string in that slot replaces the older.
 * Only plain strings go in (no escapes), so a string's characters in the payload are its text.
 */
final class RecentStrings {
    /** Longer strings are rarely names; they are cut from the line as usual. */
    static final int MAX_CHARS = 32;
    private static final int SLOTS = 512; // a power of two

    private final String[] strings = new String[SLOTS];
    /** The slot of the last {@link #find}, for the {@link #remember} that follows a miss. */
    private int lastSlot;

    /** The string whose characters are {@code chars[start..end)}, if it is here. */
    String find(char[] chars, int start, int end) {
        int length = end - start;
        if (length > MAX_CHARS) {
            lastSlot = -1;
            return null;
        }
        int hash = 0;
        for (int k = start; k < end; k++) {
            hash = 31 * hash + chars[k]; // String.hashCode's formula, so a String's cached hash rejects most misses
        }
        int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
        lastSlot = slot;
        String seen = strings[slot];
        if (seen == null || seen.hashCode() != hash || seen.length() != length) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            if (seen.charAt(k) != chars[start + k]) {
                return null;
            }
        }
        return seen;
    }

    /** Keeps {@code text}, the string a {@link #find} of its characters just missed. */
    void remember(String text) {
        if (lastSlot >= 0) {
            strings[lastSlot] = text;
        }
    }
}
