package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TransposeTest {
    @Test
    void transpose_rectangular_swapsIndices() {
        double[][] t = Transpose.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4}, t[0]);
        assertArrayEquals(new double[] {2, 5}, t[1]);
        assertArrayEquals(new double[] {3, 6}, t[2]);
    }

    @Test
    void transpose_twice_returnsOriginal() {
        double[][] a = Rows.matrix(new Random(2), 7, 3);
        double[][] back = Transpose.transpose(Transpose.transpose(a));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], back[i]);
        }
    }

    @Test
    void transpose_empty_returnsEmpty() {
        assertEquals(0, Transpose.transpose(new double[0][0]).length);
    }

    @Test
    void transpose_ragged_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Transpose.transpose(new double[][] {{1, 2}, {3}}));
    }
}
