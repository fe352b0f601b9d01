package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.samples.inputs.StridedVectorsInputs;
import org.junit.jupiter.api.Test;

class StridedVectorsTest {
    @Test
    void sum_unitStrideSlice_addsTheSlice() {
        assertEquals(2 + 3 + 4, StridedVectors.sum(new double[] {1, 2, 3, 4, 5}, 1, 1, 3));
    }

    @Test
    void sum_columnOfRowMajorMatrix_addsTheColumn() {
        double[] m = {1, 2, 3, 4, 5, 6}; // 3 rows x 2 columns
        assertEquals(2 + 4 + 6, StridedVectors.sum(m, 1, 2, 3));
    }

    @Test
    void sum_negativeOrZeroStride_walksBackOrRepeats() {
        double[] x = {1, 2, 4};
        assertEquals(4 + 2 + 1, StridedVectors.sum(x, 2, -1, 3));
        assertEquals(3 * 2, StridedVectors.sum(x, 1, 0, 3));
    }

    @Test
    void sum_noTerms_isZero() {
        assertEquals(0, StridedVectors.sum(new double[0], 5, 1, 0));
        assertEquals(0, StridedVectors.sum(new double[0], 5, 1, -3));
    }

    @Test
    void sum_termOutsideTheArray_throws() {
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> StridedVectors.sum(new double[4], 1, 2, 3));
    }

    @Test
    void axpy_unitStride_addsScaledXToY() {
        double[] y = {1, 1, 1, 1};
        StridedVectors.axpy(2, 2, new double[] {9, 3, 5}, 1, 1, y, 2, 1);
        assertArrayEquals(new double[] {1, 1, 7, 11}, y);
    }

    @Test
    void axpy_intoMatrixColumn_updatesOnlyThatColumn() {
        double[] m = new double[6]; // 3 rows x 2 columns
        StridedVectors.axpy(3, 1, new double[] {1, 2, 3}, 0, 1, m, 1, 2);
        assertArrayEquals(new double[] {0, 1, 0, 2, 0, 3}, m);
    }

    @Test
    void axpy_alphaZeroOrNoElements_changesNothing() {
        double[] y = {1, 2};
        StridedVectors.axpy(2, 0, new double[] {Double.NaN, 1}, 0, 1, y, 0, 1);
        StridedVectors.axpy(0, 3, new double[0], 0, 1, y, 0, 1);
        assertArrayEquals(new double[] {1, 2}, y);
    }

    @Test
    void axpy_outOfBounds_throwsAfterUpdatingTheEarlierElements() {
        double[] y = {0, 0};
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> StridedVectors.axpy(3, 1, new double[] {1, 2, 3}, 0, 1, y, 0, 1));
        assertArrayEquals(new double[] {1, 2}, y);
    }

    @Test
    void inputs_strideOneInNineteenOfTwentyCalls_allValid() {
        Object[][] sums = StridedVectorsInputs.sumRows();
        Object[][] axpys = StridedVectorsInputs.axpyRows();
        assertEquals(120, sums.length);
        assertEquals(114, java.util.Arrays.stream(sums).filter(r -> r[2].equals(1)).count());
        assertEquals(114, java.util.Arrays.stream(axpys).filter(r -> r[4].equals(1) && r[7].equals(1)).count());
        assertTrue(java.util.Arrays.stream(sums).limit(64).anyMatch(r -> r[3].equals(65536)), "large calls are measured");
        for (Object[] r : sums) {
            assertDoesNotThrow(() -> StridedVectors.sum((double[]) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3]));
        }
        for (Object[] r : axpys) {
            assertDoesNotThrow(() -> StridedVectors.axpy((Integer) r[0], (Double) r[1], (double[]) r[2], (Integer) r[3],
                    (Integer) r[4], (double[]) r[5], (Integer) r[6], (Integer) r[7]));
        }
    }
}
