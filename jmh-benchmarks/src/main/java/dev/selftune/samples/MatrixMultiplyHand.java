package dev.selftune.samples;

/**
 * The best hand-written version of {@link MatrixMultiply#multiply}: i-k-j loop order with the rows
 * {@code a[i]}, {@code c[i]} and {@code b[k]} hoisted. Bit-identical: every {@code c[i][j]} still sums
 * over k in increasing order.
 */
public final class MatrixMultiplyHand {
    private MatrixMultiplyHand() {
    }

    /*
     * Implementation note: the inner loop now streams b[k] and c[i] with unit stride, which C2
     * unrolls and vectorises (SuperWord) once the rows are locals: with c[i][j] written through the
     * 2-D array it cannot prove the row reference stays put across the store.
     */

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = inner == 0 ? 0 : b[0].length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner) {
                throw new IllegalArgumentException("row " + i + " of a has " + a[i].length
                        + " columns but b has " + inner + " rows");
            }
        }
        for (int k = 0; k < inner; k++) {
            if (b[k].length != m) {
                throw new IllegalArgumentException("row " + k + " of b has " + b[k].length
                        + " columns, row 0 has " + m + ": b must be rectangular");
            }
        }
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int k = 0; k < inner; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }
}
