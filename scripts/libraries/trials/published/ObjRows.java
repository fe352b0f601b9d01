package org.example4;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/** Instance methods of commons-math: each row starts with the receiver. */
public final class ObjRows {
    private ObjRows() { }

    static double[][] matrix(Random r, int n, int m) {
        double[][] a = new double[n][m];
        for (double[] row : a) for (int j = 0; j < m; j++) row[j] = r.nextDouble() * 2 - 1;
        return a;
    }

    static double[] vec(Random r, int n) { double[] v = new double[n]; for (int i = 0; i < n; i++) v[i] = r.nextDouble() * 2 - 1; return v; }

    /** Array2DRowRealMatrix.multiply(Array2DRowRealMatrix). */
    public static Object[][] multiply() {
        Random r = new Random(7);
        int[] ns = {4, 16, 48, 96};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {new Array2DRowRealMatrix(matrix(r, ns[k], ns[k]), false), new Array2DRowRealMatrix(matrix(r, ns[k], ns[k]), false)};
        return rows;
    }

    /** The same with 120 rows: object parameters cannot be generated, so the caller's rows are all verification has. */
    public static Object[][] multiplyMany() {
        Random r = new Random(7);
        Object[][] rows = new Object[120][];
        for (int k = 0; k < rows.length; k++) {
            int n = k < 100 ? 1 + r.nextInt(12) : 48 + 16 * (k % 4);
            int m = k < 100 ? 1 + r.nextInt(12) : n;
            int p = k < 100 ? 1 + r.nextInt(12) : n;
            rows[k] = new Object[] {new Array2DRowRealMatrix(matrix(r, n, m), false), new Array2DRowRealMatrix(matrix(r, m, p), false)};
        }
        return rows;
    }

    public static Object[][] distanceMany() {
        Random r = new Random(7);
        Object[][] rows = new Object[120][];
        for (int k = 0; k < rows.length; k++) {
            int n = k < 100 ? 1 + r.nextInt(40) : 10000 * (1 + k % 4);
            rows[k] = new Object[] {new ArrayRealVector(vec(r, n), false), new ArrayRealVector(vec(r, n), false)};
        }
        return rows;
    }

    /** Array2DRowRealMatrix.operate(double[]). */
    public static Object[][] operate() {
        Random r = new Random(7);
        int[] ns = {4, 64, 256, 512};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {new Array2DRowRealMatrix(matrix(r, ns[k], ns[k]), false), vec(r, ns[k])};
        return rows;
    }

    /** Array2DRowRealMatrix.preMultiply(double[]): v^T A, a column walk. */
    public static Object[][] preMultiply() {
        return operate();
    }

    /** ArrayRealVector.getDistance(RealVector). */
    public static Object[][] distance() {
        Random r = new Random(7);
        int[] ns = {3, 100, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {new ArrayRealVector(vec(r, ns[k]), false), new ArrayRealVector(vec(r, ns[k]), false)};
        return rows;
    }

    /** Variance.evaluate(double[] values, double mean, int begin, int length). */
    public static Object[][] variance() {
        Random r = new Random(7);
        int[] ns = {2, 100, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            double[] v = vec(r, ns[k]);
            double mean = 0;
            for (double x : v) mean += x;
            rows[k] = new Object[] {new Variance(), v, mean / v.length, 0, v.length};
        }
        return rows;
    }
}
