package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Levenshtein distance (insert, delete, substitute, each cost 1) with the two-row dynamic program.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.EditDistance 1024}
 */
public final class EditDistance {
    private EditDistance() {
    }

    /*
     * Implementation note: O(|a|·|b|) time and O(|b|) space. Each cell needs its left neighbour, so the
     * inner loop carries a dependency through cur[j-1]; the min-of-three compiles to conditional
     * moves. Quadratic time is why the tuning entry gives sizes up to 1024 only.
     */

    /** Returns the minimum number of single-character edits turning {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[m];
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 1024);
        Random rnd = new Random(42);
        String a = Rows.text(rnd, n, "ACGT");
        String b = Rows.text(rnd, n, "ACGT");
        Demo.time("distance(" + n + ", " + n + ")", () -> distance(a, b));
    }
}
