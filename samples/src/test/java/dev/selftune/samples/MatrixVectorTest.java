package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixVectorTest {
    @Test
    void multiply_twoByThree_matchesHandComputedProduct() {
        assertArrayEquals(new double[] {14, 32},
                MatrixVector.multiply(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {1, 2, 3}));
    }

    @Test
    void multiply_randomMatrix_agreesWithRowDotProducts() {
        Random rnd = new Random(19);
        double[][] m = Rows.matrix(rnd, 9, 13);
        double[] v = Rows.doubles(rnd, 13);
        double[] y = MatrixVector.multiply(m, v);
        for (int i = 0; i < m.length; i++) {
            assertEquals(DotProduct.dot(m[i], v), y[i]);
        }
    }

    @Test
    void multiply_noRows_returnsEmpty() {
        assertEquals(0, MatrixVector.multiply(new double[0][0], new double[5]).length);
    }

    @Test
    void multiply_vectorOfWrongLength_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> MatrixVector.multiply(new double[2][3], new double[2]));
    }
}
