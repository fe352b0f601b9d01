package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.samples.inputs.ColumnStatsInputs;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {
    @Test
    void columnSums_twoByThree_addsEachColumn() {
        double[] sums = new double[4];
        sums[3] = 9;
        ColumnStats.columnSums(new double[] {1, 2, 3, 10, 20, 30}, 2, 3, sums);
        assertArrayEquals(new double[] {11, 22, 33, 9}, sums, 0.0, "only the first cols sums are written");
    }

    @Test
    void columnSums_shortArrays_refusedNamingTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnStats.columnSums(new double[5], 2, 3, new double[3]));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("6 values") && e.getMessage().contains("got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnStats.columnSums(new double[6], 2, 3, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> ColumnStats.columnSums(new double[6], -1, 3, new double[3]));
    }

    @Test
    void inputs_everyRowFitsItsShape() {
        for (Object[] row : ColumnStatsInputs.rows()) {
            double[] m = (double[]) row[0];
            int rows = (int) row[1];
            int cols = (int) row[2];
            assertTrue(m.length == rows * cols && ((double[]) row[3]).length == cols);
            ColumnStats.columnSums(m, rows, cols, (double[]) row[3]);
        }
    }
}
