package dev.selftune.samples.inputs;

import java.util.Random;

/** Flat matrices with their shapes, for {@code ColumnStats.columnSums}: {@code --inputs dev.selftune.samples.inputs.ColumnStatsInputs#rows}. */
public final class ColumnStatsInputs {
    private ColumnStatsInputs() {
    }

    /** Rows {@code (double[] m, int rows, int cols, double[] sums)}: 1×1, 3×17, 17×3, 64×64, 500×48 and 256×256. */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        int[][] shapes = {{1, 1}, {3, 17}, {17, 3}, {64, 64}, {500, 48}, {256, 256}};
        Object[][] rows = new Object[shapes.length][];
        for (int r = 0; r < shapes.length; r++) {
            int n = shapes[r][0];
            int m = shapes[r][1];
            rows[r] = new Object[] {Rows.doubles(rnd, n * m), n, m, new double[m]};
        }
        return rows;
    }
}
