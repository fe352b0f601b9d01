package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Matrix transpose into a fresh matrix, row by row of the source.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Transpose 1024}
 */
public final class Transpose {
    private Transpose() {
    }

    /*
     * Implementation note: reading a row of a is sequential, but each write lands in a different row
     * of t, one cache line per element. Either order misses on one side; which side is cheaper
     * (stores can be buffered, loads cannot) and whether blocking pays depends on the machine, so
     * this is a question to measure, not to guess: loop interchange is legal since every t[j][i] is
     * written exactly once.
     */

    /**
     * Returns a fresh {@code a[0].length × a.length} matrix {@code t} with {@code t[j][i] == a[i][j]}.
     *
     * @throws IllegalArgumentException if the rows of {@code a} differ in length
     */
    public static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + a[i].length
                        + " columns, row 0 has " + m + ": the matrix must be rectangular");
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

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 1024);
        double[][] a = Rows.matrix(new Random(42), n, n);
        Demo.time("transpose(" + n + "x" + n + ")[1][0]", () -> transpose(a)[n > 1 ? 1 : 0][0]);
    }
}
