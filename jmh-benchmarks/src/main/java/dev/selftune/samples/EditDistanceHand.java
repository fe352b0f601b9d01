package dev.selftune.samples;

/**
 * {@link EditDistance#distance} over {@code char[]} copies, with the left and diagonal neighbours
 * carried in locals instead of re-read from the rows.
 */
public final class EditDistanceHand {
    private EditDistanceHand() {
    }

    public static int distance(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        int m = y.length;
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            char ci = x[i - 1];
            int diag = row[0];
            int left = i;
            row[0] = i;
            for (int j = 1; j <= m; j++) {
                int up = row[j];
                int best = diag + (ci == y[j - 1] ? 0 : 1);
                int ins = Math.min(left, up) + 1;
                left = Math.min(best, ins);
                row[j] = left;
                diag = up;
            }
        }
        return row[m];
    }
}
