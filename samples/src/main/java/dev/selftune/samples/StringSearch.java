package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Naive substring search: try every start position, compare character by character.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.StringSearch 65536}
 */
public final class StringSearch {
    private StringSearch() {
    }

    /*
     * Implementation note: O(n·m) in the worst case, but on ordinary text the first character rarely
     * matches, so the cost is one charAt pair and a branch per position. String.indexOf does the same
     * scan with a vectorised first-character search (an intrinsic on HotSpot), which is what a
     * hand-written version would copy.
     */

    /**
     * Returns the index of the first occurrence of {@code pattern} in {@code text}, or -1; an empty
     * pattern is found at 0 (as {@link String#indexOf(String)}).
     */
    public static int indexOf(String text, String pattern) {
        int n = text.length();
        int m = pattern.length();
        for (int i = 0; i <= n - m; i++) {
            int j = 0;
            while (j < m && text.charAt(i + j) == pattern.charAt(j)) {
                j++;
            }
            if (j == m) {
                return i;
            }
        }
        return -1;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        String text = Rows.text(new Random(42), n, "abcdefghij") + "needle";
        Demo.time("indexOf(text of " + text.length() + ", \"needle\")", () -> indexOf(text, "needle"));
    }
}
