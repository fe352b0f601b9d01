package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Accumulating matrix product {@code C += A·B} on flat row-major {@code double[]} matrices with
 * computed indices, into an array the caller owns: how EJML, ND4J's Java fallbacks and most
 * numerical code store a matrix (one array, element (i, j) at {@code i*cols + j}).
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.FlatMatrixMultiply 256}
 */
public final class FlatMatrixMultiply {
    private FlatMatrixMultiply() {
    }

    /*
     * Implementation note: the i-j-p order walks b down a column (stride n doubles), one cache line
     * per element once b outgrows the cache; the i-p-j order walks b and c along rows. Swapping is
     * exact only when c shares no array with a or b (c = a computes in place, reading updated
     * values), and with the flat layout the indices are expressions, not rows of a double[][].
     */

    /**
     * Adds {@code a·b} to {@code c}: {@code c[i*n + j] += Σ_p a[i*k + p]·b[p*n + j]} for an
     * {@code m×k} matrix a, a {@code k×n} matrix b and an {@code m×n} matrix c, the sum taken in
     * increasing p. {@code c} may be {@code a} or {@code b}: later terms then read updated values.
     *
     * @throws IllegalArgumentException if a dimension is negative or an array is shorter than its matrix
     */
    public static void multiplyAdd(double[] a, double[] b, double[] c, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension: " + m + "x" + k + " times " + k + "x" + n);
        }
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("arrays of " + a.length + ", " + b.length + " and " + c.length
                    + " elements are too short for " + m + "x" + k + " times " + k + "x" + n);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    c[i * n + j] += a[i * k + p] * b[p * n + j];
                }
            }
        }
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 256);
        Random rnd = new Random(42);
        double[] a = Rows.doubles(rnd, n * n);
        double[] b = Rows.doubles(rnd, n * n);
        double[] c = new double[n * n];
        Demo.time("multiplyAdd(" + n + "x" + n + ") c[0]", () -> {
            multiplyAdd(a, b, c, n, n, n);
            return c[0];
        });
    }
}
