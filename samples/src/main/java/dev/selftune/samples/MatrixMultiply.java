package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Dense matrix product {@code C = A·B}, the textbook i-j-k triple loop.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.MatrixMultiply 256}
 */
public final class MatrixMultiply {
    private MatrixMultiply() {
    }

    /*
     * Implementation note: the loop order is the one from the definition, c[i][j] = Σ_k a[i][k]·b[k][j].
     * The inner loop walks b down a column, a stride of one row per step, which misses the cache once
     * b outgrows it (n = 256 is 512 KiB per matrix). Swapping the j and k loops (i-k-j) keeps the same
     * summation order for every c[i][j], so the result is bit-for-bit identical: this is the reference
     * case for selftune's loop interchange, followed by hoisting the rows c[i] and b[k].
     */

    /**
     * Returns a fresh {@code a.length × b[0].length} matrix {@code a·b}.
     *
     * @throws IllegalArgumentException if a row of {@code a} is not {@code b.length} long or the rows of
     *                                  {@code b} differ in length
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
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < inner; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 256);
        Random rnd = new Random(42);
        double[][] a = Rows.matrix(rnd, n, n);
        double[][] b = Rows.matrix(rnd, n, n);
        Demo.time("multiply(" + n + "x" + n + ")[0][0]", () -> multiply(a, b)[0][0]);
    }
}
