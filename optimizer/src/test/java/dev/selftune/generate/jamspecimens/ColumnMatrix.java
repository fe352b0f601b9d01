package dev.selftune.generate.jamspecimens;

/**
 * Jama's Matrix.times shape (column of B copied out, then one dot product per row of A), as a class
 * with fields for bounds, and a static form writing into a caller's rows, which may be rows of A or
 * the column buffer itself.
 */
public final class ColumnMatrix {
    public final double[][] a;
    public final int m;
    public final int n;

    public ColumnMatrix(double[][] a, int m, int n) {
        this.a = a;
        this.m = m;
        this.n = n;
    }

    public ColumnMatrix times(ColumnMatrix b) {
        if (b.m != n) {
            throw new IllegalArgumentException("Matrix inner dimensions must agree.");
        }
        double[][] c = new double[m][b.n];
        double[] bcolj = new double[n];
        for (int j = 0; j < b.n; j++) {
            for (int k = 0; k < n; k++) {
                bcolj[k] = b.a[k][j];
            }
            for (int i = 0; i < m; i++) {
                double[] arowi = a[i];
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += arowi[k] * bcolj[k];
                }
                c[i][j] = s;
            }
        }
        return new ColumnMatrix(c, m, b.n);
    }

    public static void timesInto(double[][] a, double[][] b, double[][] c, double[] col, int m, int n, int p) {
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < n; k++) {
                col[k] = b[k][j];
            }
            for (int i = 0; i < m; i++) {
                double[] arow = a[i];
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += arow[k] * col[k];
                }
                c[i][j] = s;
            }
        }
    }
}
