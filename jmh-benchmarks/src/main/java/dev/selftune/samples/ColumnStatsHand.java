package dev.selftune.samples;

/** {@link ColumnStats#columnSums} walking the matrix along its rows: the same additions per column, in the same order. */
public final class ColumnStatsHand {
    private ColumnStatsHand() {
    }

    public static void columnSums(double[] m, int rows, int cols, double[] sums) {
        if (rows < 0 || cols < 0 || (long) rows * cols > m.length || sums.length < cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values and " + cols + " sums; got " + m.length + " and " + sums.length);
        }
        java.util.Arrays.fill(sums, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += m[base + c];
            }
        }
    }
}
