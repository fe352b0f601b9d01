package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixMultiplyTest {
    @Test
    void multiply_twoByTwo_matchesHandComputedProduct() {
        double[][] c = MatrixMultiply.multiply(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}});
        assertArrayEquals(new double[] {19, 22}, c[0]);
        assertArrayEquals(new double[] {43, 50}, c[1]);
    }

    @Test
    void multiply_rectangular_hasOuterDimensions() {
        double[][] c = MatrixMultiply.multiply(new double[][] {{1, 2, 3}}, new double[][] {{1}, {1}, {1}});
        assertEquals(1, c.length);
        assertArrayEquals(new double[] {6}, c[0]);
    }

    @Test
    void multiply_byIdentity_returnsEqualFreshMatrix() {
        double[][] a = Rows.matrix(new Random(1), 5, 5);
        double[][] id = new double[5][5];
        for (int i = 0; i < 5; i++) {
            id[i][i] = 1;
        }
        double[][] c = MatrixMultiply.multiply(a, id);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(a[i], c[i]);
        }
    }

    @Test
    void multiply_emptyMatrices_returnsEmpty() {
        assertEquals(0, MatrixMultiply.multiply(new double[0][0], new double[0][0]).length);
        double[][] c = MatrixMultiply.multiply(new double[2][0], new double[0][0]);
        assertEquals(2, c.length);
        assertEquals(0, c[0].length);
    }

    @Test
    void multiply_mismatchedInnerDimension_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> MatrixMultiply.multiply(new double[2][3], new double[2][2]));
    }

    @Test
    void multiply_raggedRightOperand_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> MatrixMultiply.multiply(new double[1][2], new double[][] {{1, 2}, {3}}));
    }
}
