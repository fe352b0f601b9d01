package dev.selftune.generate.nestspecimens;

/** 2-D nests written the way other codebases write them; tiling runs on these. */
public final class Tiles {
    private Tiles() { }

    /** The samples' Transpose: rows validated first, then a fresh output. */
    public static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + a[i].length + " columns");
            }
        }
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Into the caller's matrix: t may be a, or share rows with it (tiled only behind an alias guard). */
    public static void transposeInto(double[][] a, double[][] t) {
        int n = a.length;
        int m = t.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
    }

    /** Flat row-major matrices with computed indices, as linear-algebra libraries store them. */
    public static double[] transposeFlat(double[] a, int rows) {
        int n = (rows & 7) + 1;
        int m = a.length / n;
        double[] t = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j * n + i] = a[i * m + j];
            }
        }
        return t;
    }

    /** Refused: i runs to n inclusive, so t[j * n + n] and t[(j + 1) * n + 0] are one element, written twice. */
    public static double[] transposeFlatOverlap(double[] a, int rows) {
        int n = (rows & 7) + 1;
        int m = a.length / (n + 1);
        double[] t = new double[n * m + 1];
        for (int i = 0; i < n + 1; i++) {
            for (int j = 0; j < m; j++) {
                t[j * n + i] = a[i * m + j];
            }
        }
        return t;
    }

    /** A flat row-major product C = A·B of n×n matrices, i-j-k, as a port from C writes it. */
    public static double[] matmulFlat(double[] a, double[] b, int size) {
        int n = size & 15;
        double[] c = new double[n * n];
        if (a.length < n * n || b.length < n * n) {
            return c;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i * n + j] += a[i * n + k] * b[k * n + j];
                }
            }
        }
        return c;
    }

    /** Rows and columns numbered from any int offset: near Integer.MAX_VALUE a tile loop stepping by B would wrap. */
    public static double[][] shifted(double[][] a, int lo) {
        int n = a.length;
        int hi = lo + n;
        double[][] t = new double[n][n];
        for (int i = lo; i < hi; i++) {
            for (int j = lo; j < hi; j++) {
                t[j - lo][i - lo] = a[i - lo][j - lo];
            }
        }
        return t;
    }

    /** Refused: t[i][j] reads t[j][i] of the same array, a carried dependence in any order but the original. */
    public static double[][] symmetrise(double[][] a) {
        int n = a.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = a[i][j] + t[j][i];
            }
        }
        return t;
    }
}
