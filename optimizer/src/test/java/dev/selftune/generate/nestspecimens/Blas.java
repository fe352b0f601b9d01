package dev.selftune.generate.nestspecimens;

/** A checked public entry over a private kernel, as libraries write C += A·B (samples' MatrixMultiplyInto). */
public final class Blas {
    private Blas() { }

    public static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        int n = a.length;
        int inner = b.length;
        int m = c.length == 0 ? 0 : c[0].length;
        if (c.length != n) {
            throw new IllegalArgumentException("c has " + c.length + " rows but a has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner || c[i].length != m) {
                throw new IllegalArgumentException("row " + i + " of a or c has the wrong length");
            }
        }
        for (int k = 0; k < inner; k++) {
            if (b[k].length != m) {
                throw new IllegalArgumentException("row " + k + " of b has the wrong length");
            }
        }
        accumulate(a, b, c, n, inner, m);
    }

    private static void accumulate(double[][] a, double[][] b, double[][] c, int n, int inner, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < inner; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
    }
}
