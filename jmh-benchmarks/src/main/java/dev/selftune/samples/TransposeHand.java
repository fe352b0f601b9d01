package dev.selftune.samples;

/**
 * {@link Transpose#transpose} in 32×32 tiles, so the rows of the source and of the result touched by
 * one tile both stay in the L1 cache.
 */
public final class TransposeHand {
    private static final int TILE = 32;

    private TransposeHand() {
    }

    public static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + a[i].length
                        + " columns, row 0 has " + m + ": the matrix must be rectangular");
            }
        }
        double[][] t = new double[m][n];
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(i0 + TILE, n);
            for (int j0 = 0; j0 < m; j0 += TILE) {
                int j1 = Math.min(j0 + TILE, m);
                for (int j = j0; j < j1; j++) {
                    double[] tj = t[j];
                    for (int i = i0; i < i1; i++) {
                        tj[i] = a[i][j];
                    }
                }
            }
        }
        return t;
    }
}
