package dev.selftune.samples;

/**
 * {@link StringSearch#indexOf} that finds candidate starts with {@link String#indexOf(int, int)}
 * (a vectorised intrinsic on HotSpot) and only then compares the rest of the pattern.
 */
public final class StringSearchHand {
    private StringSearchHand() {
    }

    public static int indexOf(String text, String pattern) {
        int m = pattern.length();
        if (m == 0) {
            return 0;
        }
        char first = pattern.charAt(0);
        int last = text.length() - m;
        for (int i = text.indexOf(first); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(i + 1, pattern, 1, m - 1)) {
                return i;
            }
        }
        return -1;
    }
}
