package dev.kestrasdk.internal.wire;

import java.util.Arrays;

/**
 * The path to the value being written, kept as a small stack while the encoder descends, so an error
 * can name {@code outputs.rows[3].ratio}. Nothing is formatted unless an error happens.
 */
final class ValuePath {
    private Object[] segments = new Object[16]; // String for a key, Integer for an index
    private int depth;
    private String root = "";

    void reset(String rootName) {
        root = rootName;
        Arrays.fill(segments, 0, depth, null);
        depth = 0;
    }

    void pushKey(String key) {
        push(key);
    }

    void pushIndex(int index) {
        push(index);
    }

    private void push(Object segment) {
        if (depth == segments.length) {
            segments = Arrays.copyOf(segments, depth * 2);
        }
        segments[depth++] = segment;
    }

    void pop() {
        segments[--depth] = null;
    }

    int depth() {
        return depth;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(root);
        for (int i = 0; i < depth; i++) {
            appendSegment(sb, segments[i]);
        }
        return sb.toString();
    }

    String prefix(int length) {
        StringBuilder sb = new StringBuilder(root);
        for (int i = 0; i < length; i++) {
            appendSegment(sb, segments[i]);
        }
        return sb.toString();
    }

    private static void appendSegment(StringBuilder sb, Object segment) {
        if (segment instanceof Integer index) {
            sb.append('[').append(index.intValue()).append(']');
        } else {
            String key = (String) segment;
            if (isPlainName(key)) {
                sb.append('.').append(key);
            } else {
                AsciiBuffer quoted = new AsciiBuffer();
                JsonText.writeString(quoted, key, 0, key.length());
                sb.append('[').append(quoted).append(']');
            }
        }
    }

    private static boolean isPlainName(String key) {
        if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) && key.charAt(0) < 128 || key.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 128 || !(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
