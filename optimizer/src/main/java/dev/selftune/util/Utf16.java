package dev.selftune.util;

/**
 * Lone surrogates: a {@code char[]} or {@code String} argument a report quotes may hold half of a
 * surrogate pair (any {@code char} is a legal value), which UTF-8 cannot encode, so writing the report
 * would fail. Writers show such a char as its JSON-style escape (a backslash, u and four hex digits) instead.
 */
public final class Utf16 {
    private Utf16() { }

    /** True when {@code s.charAt(i)} is a surrogate that is not half of a well-formed pair. */
    public static boolean isLoneSurrogate(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** {@code s} with every lone surrogate written as its six-character escape (a backslash, u, four hex digits). */
    public static String escapeLoneSurrogates(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (isLoneSurrogate(s, i)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) s.charAt(i)));
            } else if (sb != null) {
                sb.append(s.charAt(i));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
