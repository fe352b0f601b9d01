package dev.selftune.api.specimens;

/** A plain kernel for the end-to-end run: i-j-k matrix multiply into a fresh result. */
public final class Kernels {
    private Kernels() { }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length == 0 ? 0 : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
