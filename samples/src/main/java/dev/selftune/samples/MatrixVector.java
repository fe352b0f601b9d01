package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Matrix-vector product {@code y = M·v}, one dot product per row.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.MatrixVector 1024}
 *
 * <p>Tuned with {@code --allow-fp-reassociation 1e-9} (the row sums may be split into several
 * accumulators) and with {@code --inputs}, since a generated square matrix and a generated vector
 * would not agree in size.
 */
public final class MatrixVector {
    private MatrixVector() {
    }

    /*
     * Implementation note: the matrix is read once, row by row, so this is bound by memory bandwidth
     * for large matrices and by the FP-add latency of the single accumulator for cached ones.
     */

    /**
     * Returns a fresh vector {@code y} with {@code y[i] = Σ_j m[i][j]·v[j]}.
     *
     * @throws IllegalArgumentException if a row of {@code m} is not {@code v.length} long
     */
    public static double[] multiply(double[][] m, double[] v) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != v.length) {
                throw new IllegalArgumentException("row " + i + " of m has " + m[i].length
                        + " columns but v has " + v.length + " elements");
            }
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            y[i] = sum;
        }
        return y;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 1024);
        Random rnd = new Random(42);
        double[][] m = Rows.matrix(rnd, n, n);
        double[] v = Rows.doubles(rnd, n);
        Demo.time("multiply(" + n + "x" + n + ", v)[0]", () -> multiply(m, v)[0]);
    }
}
