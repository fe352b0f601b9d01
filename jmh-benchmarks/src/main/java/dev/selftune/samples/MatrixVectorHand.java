package dev.selftune.samples;

/**
 * {@link MatrixVector#multiply} with the row hoisted and four accumulators per row: reassociated,
 * within a relative 1e-9 of the original on ordinary data.
 */
public final class MatrixVectorHand {
    private MatrixVectorHand() {
    }

    public static double[] multiply(double[][] m, double[] v) {
        int n = v.length;
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double[] row = m[i];
            if (row.length != n) {
                throw new IllegalArgumentException("row " + i + " of m has " + row.length
                        + " columns but v has " + n + " elements");
            }
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                s0 += row[j] * v[j];
                s1 += row[j + 1] * v[j + 1];
                s2 += row[j + 2] * v[j + 2];
                s3 += row[j + 3] * v[j + 3];
            }
            for (; j < n; j++) {
                s0 += row[j] * v[j];
            }
            y[i] = (s0 + s1) + (s2 + s3);
        }
        return y;
    }
}
