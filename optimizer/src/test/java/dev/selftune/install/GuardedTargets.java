package dev.selftune.install;

/** C += A·B into a caller's c: swapped for its guarded-interchange variant in GuardedSwapTest. */
final class GuardedTarget {
    static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
    }
}

/** The same code, never swapped: the expected results. */
final class GuardedReference {
    static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
    }
}
