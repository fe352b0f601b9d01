package dev.selftune.samples;

/**
 * Column sums of a row-major matrix held in one flat {@code double[]}, written the way statistics and
 * data-frame libraries write them: a caller-owned output, computed indices, and the loop that reads
 * like the definition (for each column, add its rows), which walks the matrix down its columns.
 */
public final class ColumnStats {
    private ColumnStats() {
    }

    /**
     * {@code sums[c] = m[0*cols + c] + m[1*cols + c] + ... } for each of the {@code cols} columns, added in
     * row order.
     *
     * @throws IllegalArgumentException when {@code m} holds fewer than {@code rows * cols} values or
     *     {@code sums} fewer than {@code cols}, naming the sizes
     */
    public static void columnSums(double[] m, int rows, int cols, double[] sums) {
        if (rows < 0 || cols < 0 || (long) rows * cols > m.length || sums.length < cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values and " + cols + " sums; got " + m.length + " and " + sums.length);
        }
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += m[r * cols + c];
            }
            sums[c] = s;
        }
    }
}
