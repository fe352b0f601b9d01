package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selftune.samples.inputs.MatrixMultiplyIntoInputs;
import org.junit.jupiter.api.Test;

class MatrixMultiplyIntoTest {
    @Test
    void multiplyInto_twoByTwo_addsTheProductToC() {
        double[][] c = {{1, 1}, {1, 1}};
        MatrixMultiplyInto.multiplyInto(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}}, c);
        assertArrayEquals(new double[] {20, 23}, c[0]);
        assertArrayEquals(new double[] {44, 51}, c[1]);
    }

    @Test
    void multiplyInto_cIsA_readsUpdatedValuesAsTheLoopsAreWritten() {
        double[][] a = {{1, 2}, {3, 4}};
        MatrixMultiplyInto.multiplyInto(a, new double[][] {{1, 0}, {0, 1}}, a);
        // c[0][0] = 1 + 1·1 + 2·0 = 2; c[0][1] = 2 + 2·0 + 2·1 (a[0][0] is already 2) = 4
        assertArrayEquals(new double[] {2, 4}, a[0]);
        assertArrayEquals(new double[] {6, 8}, a[1]);
    }

    @Test
    void multiplyInto_rectangular_keepsOuterDimensions() {
        double[][] c = new double[1][1];
        MatrixMultiplyInto.multiplyInto(new double[][] {{1, 2, 3}}, new double[][] {{1}, {1}, {1}}, c);
        assertEquals(6, c[0][0]);
    }

    @Test
    void multiplyInto_emptyMatrices_changeNothing() {
        MatrixMultiplyInto.multiplyInto(new double[0][0], new double[0][0], new double[0][0]);
        double[][] c = new double[2][0];
        MatrixMultiplyInto.multiplyInto(new double[2][0], new double[0][0], c);
        assertEquals(0, c[1].length);
    }

    @Test
    void multiplyInto_mismatchedShapes_throwIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> MatrixMultiplyInto.multiplyInto(new double[2][3], new double[2][2], new double[2][2]));
        assertThrows(IllegalArgumentException.class,
                () -> MatrixMultiplyInto.multiplyInto(new double[2][2], new double[2][2], new double[3][2]));
        assertThrows(IllegalArgumentException.class,
                () -> MatrixMultiplyInto.multiplyInto(new double[1][2], new double[][] {{1, 2}, {3}}, new double[1][2]));
    }

    @Test
    void inputs_includeSeparateAndAliasedCalls_allValid() {
        Object[][] rows = MatrixMultiplyIntoInputs.rows();
        int aliased = 0;
        for (Object[] row : rows) {
            double[][] a = (double[][]) row[0];
            double[][] b = (double[][]) row[1];
            double[][] c = (double[][]) row[2];
            if (c == a || c == b || java.util.Arrays.stream(c).anyMatch(r -> java.util.Arrays.stream(a).anyMatch(x -> x == r))) {
                aliased++;
            }
            MatrixMultiplyInto.multiplyInto(a, b, c);
        }
        assertEquals(3, aliased, "rows on the guard's fallback side");
        assertSame(rows[4][0], rows[4][2]);
    }
}
