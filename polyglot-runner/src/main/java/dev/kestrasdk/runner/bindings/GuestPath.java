package dev.kestrasdk.runner.bindings;

/**
 * Where a guest value sits inside an argument, built as conversion descends and formatted only for an error,
 * in the SDK's notation: {@code outputs.rows[3].ratio}, {@code outputs["a key"]}.
 */
final class GuestPath {
    private final GuestPath parent;
    private final String key;
    private final int index;

    private GuestPath(GuestPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    static GuestPath root(String name) {
        return new GuestPath(null, name, -1);
    }

    GuestPath key(String k) {
        return new GuestPath(this, k, -1);
    }

    GuestPath index(int i) {
        return new GuestPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent == null) {
            sb.append(key);
            return;
        }
        parent.append(sb);
        if (key == null) {
            sb.append('[').append(index).append(']');
        } else if (isPlainName(key)) {
            sb.append('.').append(key);
        } else {
            sb.append('[');
            quote(sb, key);
            sb.append(']');
        }
    }

    private static boolean isPlainName(String k) {
        if (k.isEmpty()) {
            return false;
        }
        char first = k.charAt(0);
        if (!(first < 128 && Character.isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= 128 || !(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
