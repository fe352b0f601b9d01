package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selftune.samples.inputs.FlatMatrixMultiplyInputs;
import org.junit.jupiter.api.Test;

class FlatMatrixMultiplyTest {
    @Test
    void multiplyAdd_twoByTwo_addsTheProductToC() {
        double[] c = {1, 1, 1, 1};
        FlatMatrixMultiply.multiplyAdd(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c, 2, 2, 2);
        assertArrayEquals(new double[] {20, 23, 44, 51}, c);
    }

    @Test
    void multiplyAdd_rectangular_usesRowMajorIndices() {
        double[] c = new double[2];
        // a is 1x3, b is 3x2
        FlatMatrixMultiply.multiplyAdd(new double[] {1, 2, 3}, new double[] {1, 10, 1, 10, 1, 10}, c, 1, 2, 3);
        assertArrayEquals(new double[] {6, 60}, c);
    }

    @Test
    void multiplyAdd_cIsA_readsUpdatedValuesAsTheLoopsAreWritten() {
        double[] a = {1, 2, 3, 4};
        FlatMatrixMultiply.multiplyAdd(a, new double[] {1, 0, 0, 1}, a, 2, 2, 2);
        // c[0] = 1 + 1*1 + 2*0 = 2; c[1] = 2 + 2*0 + 2*1 (a[0] is already 2) = 4
        assertArrayEquals(new double[] {2, 4, 6, 8}, a);
    }

    @Test
    void multiplyAdd_longerArraysThanTheMatrices_leavesTheRestAlone() {
        double[] c = {0, 9, 9};
        FlatMatrixMultiply.multiplyAdd(new double[] {2, 7}, new double[] {3, 7}, c, 1, 1, 1);
        assertArrayEquals(new double[] {6, 9, 9}, c);
    }

    @Test
    void multiplyAdd_emptyOrBadShapes_nothingOrIllegalArgument() {
        FlatMatrixMultiply.multiplyAdd(new double[0], new double[0], new double[0], 0, 0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> FlatMatrixMultiply.multiplyAdd(new double[4], new double[4], new double[3], 2, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> FlatMatrixMultiply.multiplyAdd(new double[4], new double[4], new double[4], -1, 2, 2));
    }

    @Test
    void inputs_includeSeparateAndInPlaceCalls_allValid() {
        Object[][] rows = FlatMatrixMultiplyInputs.rows();
        int inPlace = 0;
        for (Object[] r : rows) {
            inPlace += r[2] == r[0] || r[2] == r[1] ? 1 : 0;
            FlatMatrixMultiply.multiplyAdd((double[]) r[0], (double[]) r[1], (double[]) r[2], (Integer) r[3], (Integer) r[4], (Integer) r[5]);
        }
        assertEquals(2, inPlace, "rows on the fallback side of an alias guard");
    }
}
