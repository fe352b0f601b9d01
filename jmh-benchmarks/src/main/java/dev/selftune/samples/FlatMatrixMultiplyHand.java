package dev.selftune.samples;

/**
 * {@link FlatMatrixMultiply#multiplyAdd} in i-p-j order with {@code a[i*k + p]} hoisted, when
 * {@code c} is neither {@code a} nor {@code b} (then every element of c gets the same terms in the
 * same order: bit-exact); the original loops otherwise.
 */
public final class FlatMatrixMultiplyHand {
    private FlatMatrixMultiplyHand() {
    }

    public static void multiplyAdd(double[] a, double[] b, double[] c, int m, int n, int k) {
        if (c == a || c == b || m < 0 || n < 0 || k < 0
                || a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            FlatMatrixMultiply.multiplyAdd(a, b, c, m, n, k);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }
}
