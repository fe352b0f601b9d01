package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Accumulating matrix product {@code C += A·B} into a matrix the caller owns: the BLAS {@code dgemm}
 * convention (alpha = beta = 1), written as most libraries first write it, a checked public entry and
 * an i-j-k kernel.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.MatrixMultiplyInto 256}
 */
public final class MatrixMultiplyInto {
    private MatrixMultiplyInto() {
    }

    /*
     * Implementation note: unlike MatrixMultiply, the output is a parameter, so a caller may pass the
     * same matrix as c and a (c = c·b computed in place, reading the updated values), or matrices that
     * share rows. The kernel's loop order is observable then, so swapping j and k is exact only for
     * calls where c shares nothing with a or b. That is the reference case for selftune's guarded
     * interchange: a per-call O(rows) check, the i-k-j kernel when it holds, this code otherwise.
     */

    /**
     * Adds {@code a·b} to {@code c}, element by element: {@code c[i][j] += Σ_k a[i][k]·b[k][j]}, the
     * sum taken in increasing k. {@code c} may be {@code a} or {@code b}: then later terms read the
     * values already updated, as the loops are written.
     *
     * @throws IllegalArgumentException if {@code c} is not {@code a.length × b[0].length}, a row of
     *                                  {@code a} is not {@code b.length} long or {@code b} is ragged
     */
    public static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        int n = a.length;
        int inner = b.length;
        int m = c.length == 0 ? 0 : c[0].length;
        if (c.length != n) {
            throw new IllegalArgumentException("c has " + c.length + " rows but a has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner) {
                throw new IllegalArgumentException("row " + i + " of a has " + a[i].length
                        + " columns but b has " + inner + " rows");
            }
            if (c[i].length != m) {
                throw new IllegalArgumentException("row " + i + " of c has " + c[i].length + " columns, row 0 has " + m);
            }
        }
        for (int k = 0; k < inner; k++) {
            if (b[k].length != m) {
                throw new IllegalArgumentException("row " + k + " of b has " + b[k].length
                        + " columns but c has " + m);
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

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 256);
        Random rnd = new Random(42);
        double[][] a = Rows.matrix(rnd, n, n);
        double[][] b = Rows.matrix(rnd, n, n);
        double[][] c = new double[n][n];
        Demo.time("multiplyInto(" + n + "x" + n + ") c[0][0]", () -> {
            multiplyInto(a, b, c);
            return c[0][0];
        });
    }
}
